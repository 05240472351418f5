import { sql, type SelectQueryBuilder } from 'kysely';
import {
  reviewStages,
  stageDeciders,
  type OrgKind,
  type ReviewFilters,
  type ReviewList,
  type ReviewQuery,
} from '#common';
import type { Executor } from '../../db/database';
import { cappedCount, keysetBatches, pageByKeys, submissionOrder, type KeyColumns } from '../../db/paginate';
import { openColumns, openPage, personalData } from '../../db/personal-data';
import type { Database } from '../../db/schema';

type KeyQuery = SelectQueryBuilder<Database, 'application', object>;

type Desk = { orgKind: 'unit' | OrgKind; orgId: number };

/** Rows a filtered list counts at most: past it the page says so and asks for a narrower filter. */
export const listCountCap = 10_000;

/**
 * The lists' filters, on the application alone (the index of each list holds them). 关键字 is a whole
 * name or a whole ID number (by its digest): either is one lookup in an index, however many people.
 */
function filtered(q: KeyQuery, db: Executor, query: ReviewFilters): KeyQuery {
  if (query.year) q = q.where('application.year', '=', query.year);
  if (query.keyword) {
    const keyword = query.keyword;
    q = q.where('application.applicant_account_id', 'in', (eb) =>
      eb
        .selectFrom('applicant')
        .select('applicant.account_id')
        .where((w) =>
          w.or([
            w('applicant.name', '=', keyword.trim()),
            w('applicant.id_number_hash', '=', personalData(db).idNumberKey(keyword)),
          ]),
        ),
    );
  }
  if (query.seriesCode) q = q.where('application.series_code', '=', query.seriesCode);
  if (query.titleLevel) q = q.where('application.title_level', '=', query.titleLevel);
  if (query.committeeId) q = q.where('application.committee_id', '=', Number(query.committeeId));
  if (query.kind) q = q.where('application.kind', '=', query.kind);
  return q;
}

/** The stages no desk decides (the meeting, the 公示, the bureau's 确认): they wait on their own pages. */
const notAtDesk = reviewStages.filter((stage) => stageDeciders[stage] !== 'desk');

/** 申报审核: what waits at a desk now for the desk's own decision. */
const deskBase = (db: Executor, desk: Desk, query: ReviewFilters) =>
  filtered(
    db
      .selectFrom('application')
      .where('application.status', '=', 'inReview')
      .where('application.holder_kind', '=', desk.orgKind)
      .where('application.holder_org_id', '=', desk.orgId)
      .where('application.stage', 'not in', notAtDesk),
    db,
    query,
  );

/**
 * 审核记录: what a desk has decided on, from its records (migration 021) in their own index's order, the
 * application joined for the filters.
 */
const recordsBase = (db: Executor, desk: Desk, query: ReviewFilters) =>
  filtered(
    db
      .selectFrom('desk_record')
      .innerJoin('application', 'application.id', 'desk_record.application_id')
      .where('desk_record.org_kind', '=', desk.orgKind)
      .where('desk_record.org_id', '=', desk.orgId) as unknown as KeyQuery,
    db,
    query,
  );

/** Each list newest submission first, by the columns of its own index. */
const listOrders: Record<ReviewList, KeyColumns> = {
  desk: { sort: 'application.submitted_at', id: 'application.id' },
  records: { sort: 'desk_record.submitted_at', id: 'desk_record.application_id' },
};

const listBases = { desk: deskBase, records: recordsBase } satisfies Record<ReviewList, unknown>;

/** Only the columns a desk shows (never the form itself), for the applications of a page. */
function listRows(db: Executor, ids: number[] | SelectQueryBuilder<Database, 'application', { id: number }>) {
  return db
    .selectFrom('application')
    .innerJoin('applicant', 'applicant.account_id', 'application.applicant_account_id')
    .innerJoin('account', 'account.id', 'application.applicant_account_id')
    .innerJoin('unit', 'unit.id', 'application.unit_id')
    .innerJoin('title', 'title.id', 'application.title_id')
    .innerJoin('series', 'series.code', 'application.series_code')
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
    ])
    .where('application.id', 'in', Array.isArray(ids) && ids.length === 0 ? [0] : ids)
    .execute();
}

/** A row of either list, as read (the ID and phone numbers still sealed until opened). */
export type ReviewListRow = Awaited<ReturnType<typeof listRows>>[number];

const filterKeys = ['year', 'keyword', 'seriesCode', 'titleLevel', 'committeeId', 'kind'] as const;

/**
 * How many a list holds: a desk without filters reads the counters the database keeps (exact, at any
 * size); a filtered list or 审核记录 counts up to `listCountCap` + 1.
 */
const fromCounters = (list: ReviewList, query: ReviewQuery) => list === 'desk' && filterKeys.every((k) => !query[k]);

/** What waits at a desk for its own decision, from the counters (migration 020). */
export async function waitingAtDesk(db: Executor, desk: Desk): Promise<number> {
  const row = await db
    .selectFrom('desk_count')
    .select(sql<number>`coalesce(sum(waiting), 0)::int`.as('waiting'))
    .where('holder_kind', '=', desk.orgKind)
    .where('holder_org_id', '=', desk.orgId)
    .where('stage', 'not in', notAtDesk)
    .executeTakeFirstOrThrow();
  return row.waiting;
}

/** One page of a list, its ID and phone numbers opened; a filtered list is counted up to `listCountCap`. */
export async function listPage(db: Executor, list: ReviewList, desk: Desk, query: ReviewQuery) {
  const base = listBases[list](db, desk, query);
  const found = await pageByKeys(
    base,
    query,
    listOrders[list],
    (pageIds) => listRows(db, pageIds),
    fromCounters(list, query) ? waitingAtDesk(db, desk) : cappedCount(db, base, listCountCap),
    fromCounters(list, query) ? Number.MAX_SAFE_INTEGER : listCountCap,
  );
  return openPage(db, found, ['id_number', 'phone']);
}

/**
 * The whole list for 导出评审名单: how many rows it has (counted up to `limit` + 1, so that a list too long
 * to export costs no full count), and its rows in the page's order, `size` at a time.
 */
export function wholeList(db: Executor, list: ReviewList, desk: Desk, filters: ReviewFilters) {
  const base = listBases[list](db, desk, filters);
  return {
    countUpTo: (limit: number) => cappedCount(db, base, limit),
    async *batches(size: number, signal: AbortSignal): AsyncGenerator<ReviewListRow[]> {
      const order = listOrders[list];
      const keyed = base.select([
        sql.ref<number>(order.id).as('id'),
        sql.ref<Date | null>(order.sort).as('submitted_at'),
      ]);
      for await (const keys of keysetBatches(keyed, { ...order, keyOf: submissionOrder.keyOf }, size, signal)) {
        const byId = new Map(
          (
            await listRows(
              db,
              keys.map((k) => k.id),
            )
          ).map((r) => [r.id, r]),
        );
        yield openColumns(db, keys.map((k) => byId.get(k.id)!).filter(Boolean), ['id_number', 'phone']);
      }
    },
  };
}

/** The applications at a desk now, without the list's filters. */
function atDesk(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }) {
  return db
    .selectFrom('application')
    .where('application.status', '=', 'inReview')
    .where('application.holder_kind', '=', desk.orgKind)
    .where('application.holder_org_id', '=', desk.orgId);
}

/** 首页: how many wait at a desk, by the stage they are at (the route's current step). */
export function deskCountsByStage(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }) {
  return db
    .selectFrom('desk_count')
    .select(['stage', 'waiting as count'])
    .where('holder_kind', '=', desk.orgKind)
    .where('holder_org_id', '=', desk.orgId)
    .where('waiting', '>', 0)
    .execute();
}

/** 首页: how many wait at a desk, by committee (none for 考核定职). */
export function deskCountsByCommittee(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }) {
  return atDesk(db, desk)
    .leftJoin('committee', 'committee.id', 'application.committee_id')
    .select(['application.committee_id', 'committee.name as committee_name', sql<number>`count(*)::int`.as('count')])
    .groupBy(['application.committee_id', 'committee.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('committee.name')
    .execute();
}

/**
 * 首页: the batches of the applications waiting at a desk (a committee's own batches too), with their
 * deadlines, so the page can show the nearest ones still ahead.
 */
export function deskBatches(db: Executor, desk: { orgKind: 'unit' | OrgKind; orgId: number }, after: Date) {
  let q = db
    .selectFrom('committee_batch')
    .innerJoin('committee', 'committee.id', 'committee_batch.committee_id')
    .select([
      'committee.name as committee_name',
      'committee_batch.year',
      'committee_batch.closes_at',
      'committee_batch.correction_closes_at',
    ])
    .where((eb) =>
      eb.or([eb('committee_batch.closes_at', '>', after), eb('committee_batch.correction_closes_at', '>', after)]),
    );
  q = q.where((eb) => {
    const waiting = eb.exists(
      eb
        .selectFrom('application')
        .select('application.id')
        .whereRef('application.batch_id', '=', 'committee_batch.id')
        .where('application.status', '=', 'inReview')
        .where('application.holder_kind', '=', desk.orgKind)
        .where('application.holder_org_id', '=', desk.orgId),
    );
    return desk.orgKind === 'committee'
      ? eb.or([waiting, eb('committee_batch.committee_id', '=', desk.orgId)])
      : waiting;
  });
  return q.execute();
}
