import { sql } from 'kysely';
import type { OrgKind } from '#common';
import type { Db } from '../../db/database';
import { contains } from '../../db/contains';

export function listSupervisors(db: Db, keyword?: string) {
  let q = db
    .selectFrom('supervisor')
    .leftJoin('region', 'region.code', 'supervisor.region_code')
    .select(['supervisor.id', 'supervisor.name', 'supervisor.region_code', 'region.full_name as region_name']);
  if (keyword) q = q.where('supervisor.name', 'like', contains(keyword));
  return q.orderBy('supervisor.name').limit(200).execute();
}

export function listHrBureaus(db: Db) {
  return db
    .selectFrom('hr_bureau')
    .innerJoin('region', 'region.code', 'hr_bureau.region_code')
    .select([
      'hr_bureau.id',
      'hr_bureau.name',
      'hr_bureau.region_code',
      'region.full_name as region_name',
      'region.level',
    ])
    .orderBy('hr_bureau.region_code')
    .execute();
}

export async function listCommittees(db: Db, now: Date) {
  const committees = await db
    .selectFrom('committee')
    .innerJoin('series', 'series.code', 'committee.series_code')
    .selectAll('committee')
    .select('series.name as series_name')
    .orderBy('committee.name')
    .execute();
  const batches = await db.selectFrom('committee_batch').selectAll().orderBy('year', 'desc').execute();
  return committees.map((c) => ({
    ...c,
    batches: batches
      .filter((b) => b.committee_id === c.id)
      .map((b) => ({ ...b, open: b.opens_at <= now && now < b.closes_at })),
  }));
}

/** Committees whose batch is open now (开评评委会, manual §2.1), searchable by keyword. */
export function openBatches(db: Db, now: Date, keyword?: string) {
  let q = db
    .selectFrom('committee_batch')
    .innerJoin('committee', 'committee.id', 'committee_batch.committee_id')
    .innerJoin('series', 'series.code', 'committee.series_code')
    .select([
      'committee.id as committee_id',
      'committee_batch.id as batch_id',
      'committee.name as committee_name',
      'series.name as series_name',
      'committee_batch.year',
      'committee_batch.opens_at',
      'committee_batch.closes_at',
      sql<string>`coalesce(nullif(committee_batch.notice, ''), committee.notice)`.as('notice'),
    ])
    .where('committee_batch.opens_at', '<=', now)
    .where('committee_batch.closes_at', '>', now);
  if (keyword)
    q = q.where((eb) =>
      eb.or([eb('committee.name', 'like', contains(keyword)), eb('series.name', 'like', contains(keyword))]),
    );
  return q.orderBy('committee_batch.closes_at').execute();
}

/** The organisation a reviewer account speaks for. */
export async function reviewerOrg(
  db: Db,
  accountId: number,
): Promise<{ orgKind: OrgKind; orgId: number; orgName: string } | undefined> {
  const row = await db
    .selectFrom('reviewer')
    .leftJoin('supervisor', 'supervisor.id', 'reviewer.supervisor_id')
    .leftJoin('hr_bureau', 'hr_bureau.id', 'reviewer.hr_bureau_id')
    .leftJoin('committee', 'committee.id', 'reviewer.committee_id')
    .select([
      'reviewer.org_kind',
      sql<number>`coalesce(reviewer.supervisor_id, reviewer.hr_bureau_id, reviewer.committee_id)`.as('org_id'),
      sql<string>`coalesce(supervisor.name, hr_bureau.name, committee.name)`.as('org_name'),
    ])
    .where('reviewer.account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { orgKind: row.org_kind, orgId: row.org_id, orgName: row.org_name } : undefined;
}

export function listReviewers(db: Db, filter: { orgKind?: OrgKind; orgId?: number }) {
  let q = db
    .selectFrom('reviewer')
    .innerJoin('account', 'account.id', 'reviewer.account_id')
    .leftJoin('supervisor', 'supervisor.id', 'reviewer.supervisor_id')
    .leftJoin('hr_bureau', 'hr_bureau.id', 'reviewer.hr_bureau_id')
    .leftJoin('committee', 'committee.id', 'reviewer.committee_id')
    .select([
      'account.id as account_id',
      'account.login_name',
      'account.display_name',
      'account.locked_at',
      'reviewer.org_kind',
      sql<number>`coalesce(reviewer.supervisor_id, reviewer.hr_bureau_id, reviewer.committee_id)`.as('org_id'),
      sql<string>`coalesce(supervisor.name, hr_bureau.name, committee.name)`.as('org_name'),
    ]);
  if (filter.orgKind) q = q.where('reviewer.org_kind', '=', filter.orgKind);
  if (filter.orgId !== undefined)
    q = q.where(
      sql<number>`coalesce(reviewer.supervisor_id, reviewer.hr_bureau_id, reviewer.committee_id)`,
      '=',
      filter.orgId,
    );
  return q.orderBy('account.id').execute();
}
