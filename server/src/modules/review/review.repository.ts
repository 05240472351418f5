import { sql, type SelectQueryBuilder } from 'kysely';
import type { OrgKind, ReviewQuery } from '#common';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { paginate } from '../../db/paginate';
import type { Database } from '../../db/schema';

type ListQuery = SelectQueryBuilder<
  Database,
  'application' | 'applicant' | 'account' | 'unit' | 'title' | 'series',
  object
>;

/** The lists' joins and filters (关键字 matches a name in part or an ID number whole). */
function listBase(db: Executor, query: ReviewQuery): ListQuery {
  let q: ListQuery = db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .innerJoin('account', 'account.id', 'application.applicant_account_id')
    .innerJoin('unit', 'unit.id', 'application.unit_id')
    .innerJoin('title', 'title.id', 'application.title_id')
    .innerJoin('series', 'series.code', 'application.series_code');
  if (query.year) q = q.where('application.year', '=', query.year);
  if (query.keyword) {
    const keyword = query.keyword;
    q = q.where((eb) =>
      eb.or([eb('applicant.name', 'like', contains(keyword)), eb('applicant.id_number', '=', keyword.toUpperCase())]),
    );
  }
  if (query.seriesCode) q = q.where('application.series_code', '=', query.seriesCode);
  if (query.titleLevel) q = q.where('application.title_level', '=', query.titleLevel);
  if (query.committeeId) q = q.where('application.committee_id', '=', Number(query.committeeId));
  if (query.kind) q = q.where('application.kind', '=', query.kind);
  return q;
}

/** One page, newest submission first, with only the columns a desk shows (never the form itself). */
function page(q: ListQuery, query: ReviewQuery) {
  return paginate(
    q,
    query,
    (rows) =>
      rows
        .leftJoin('committee', 'committee.id', 'application.committee_id')
        .select([
          'application.id',
          'application.version',
          'application.kind',
          'application.year',
          'application.status',
          'application.route',
          'application.stage_index',
          'application.returned_from_index',
          'application.return_count',
          'application.title_level',
          'application.submitted_at',
          sql<boolean>`coalesce(application.unit_opinion, '') <> ''`.as('unit_opinion_saved'),
          'applicant.name as person_name',
          'applicant.gender',
          'applicant.id_number',
          'account.phone',
          'unit.name as unit_name',
          'title.name as title_name',
          'series.name as series_name',
          'committee.name as committee_name',
        ]),
    {
      sort: 'application.submitted_at',
      id: 'application.id',
      keyOf: (r) => ({ sort: r.submitted_at ?? new Date(0), id: r.id }),
    },
  );
}

export type DeskRow = Awaited<ReturnType<typeof page>>['rows'][number];

/** 申报审核: what waits at a desk now. */
export function deskPage(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }, query: ReviewQuery) {
  const q = listBase(db, query)
    .where('application.status', '=', 'inReview')
    .where('application.holder_kind', '=', desk.orgKind)
    .where('application.holder_org_id', '=', desk.orgId);
  return page(q, query);
}

/** 审核记录: what a desk has decided on. */
export function recordsPage(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }, query: ReviewQuery) {
  const q = listBase(db, query).where((eb) =>
    eb.exists(
      eb
        .selectFrom('review_log')
        .select('review_log.id')
        .whereRef('review_log.application_id', '=', 'application.id')
        .where('review_log.org_kind', '=', desk.orgKind)
        .where('review_log.org_id', '=', desk.orgId)
        .where('review_log.action', '!=', 'submit'),
    ),
  );
  return page(q, query);
}
