import { sql } from 'kysely';
import type { OrgKind, ReviewStage } from '#common';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';

/** The supervising departments; a unit's search (`activeOnly`) leaves out the disabled ones. */
export function listSupervisors(db: Executor, keyword?: string, activeOnly = false) {
  let q = db
    .selectFrom('supervisor')
    .leftJoin('region', 'region.code', 'supervisor.region_code')
    .select([
      'supervisor.id',
      'supervisor.name',
      'supervisor.region_code',
      'region.full_name as region_name',
      'supervisor.disabled_at',
    ]);
  if (keyword) q = q.where('supervisor.name', 'like', contains(keyword));
  if (activeOnly) q = q.where('supervisor.disabled_at', 'is', null);
  return q.orderBy('supervisor.name').limit(200).execute();
}

export function findSupervisor(db: Executor, id: number) {
  return db.selectFrom('supervisor').select(['id', 'name', 'disabled_at']).where('id', '=', id).executeTakeFirst();
}

/** Inserts, or updates the row `id` (undefined when there is none). */
export async function saveSupervisor(
  db: Executor,
  at: Date,
  values: { name: string; region_code: string | null },
  id?: number,
): Promise<number | undefined> {
  const row = id
    ? await db
        .updateTable('supervisor')
        .set({ ...values, updated_at: at })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst()
    : await db
        .insertInto('supervisor')
        .values({ ...values, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
  return row?.id;
}

export function listHrBureaus(db: Executor) {
  return db
    .selectFrom('hr_bureau')
    .innerJoin('region', 'region.code', 'hr_bureau.region_code')
    .select([
      'hr_bureau.id',
      'hr_bureau.name',
      'hr_bureau.region_code',
      'region.full_name as region_name',
      'region.level',
      'hr_bureau.disabled_at',
    ])
    .orderBy('hr_bureau.region_code')
    .execute();
}

/**
 * The HR bureau of a region, with the level of that region, as a new submission finds it: a disabled
 * bureau is found no more (查找人社局失败); the routes already through it keep it.
 */
export function hrBureauOfRegion(db: Executor, regionCode: string) {
  return db
    .selectFrom('hr_bureau')
    .innerJoin('region', 'region.code', 'hr_bureau.region_code')
    .select(['hr_bureau.id', 'hr_bureau.name', 'region.level'])
    .where('hr_bureau.region_code', '=', regionCode)
    .where('hr_bureau.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function saveHrBureau(
  db: Executor,
  at: Date,
  values: { name: string; region_code: string },
  id?: number,
): Promise<number | undefined> {
  const row = id
    ? await db
        .updateTable('hr_bureau')
        .set({ ...values, updated_at: at })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst()
    : await db
        .insertInto('hr_bureau')
        .values({ ...values, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
  return row?.id;
}

export async function committeesWithBatches(db: Executor) {
  const [committees, batches] = await Promise.all([
    db
      .selectFrom('committee')
      .innerJoin('series', 'series.code', 'committee.series_code')
      .leftJoin('hr_bureau', 'hr_bureau.id', 'committee.confirming_bureau_id')
      .selectAll('committee')
      .select(['series.name as series_name', 'hr_bureau.name as confirming_bureau_name'])
      .orderBy('committee.name')
      .execute(),
    db.selectFrom('committee_batch').selectAll().orderBy('year', 'desc').execute(),
  ]);
  return committees.map((c) => ({ ...c, batches: batches.filter((b) => b.committee_id === c.id) }));
}

export function findSeries(db: Executor, code: string) {
  return db.selectFrom('series').select('code').where('code', '=', code).executeTakeFirst();
}

export function findCommittee(db: Executor, id: number) {
  return db.selectFrom('committee').select('id').where('id', '=', id).executeTakeFirst();
}

export async function saveCommittee(
  db: Executor,
  at: Date,
  values: {
    name: string;
    series_code: string;
    /** JSON of the title levels. */
    title_levels: string;
    print_from_stage: ReviewStage;
    pdf_with_attachments: boolean;
    confirming_bureau_id: number | null;
    office_review: boolean;
    group_review: boolean;
    quorum_num: number;
    quorum_den: number;
    pass_num: number;
    pass_den: number;
    notice_working_days: number;
    certificate_pattern: string;
    notice: string;
  },
  id?: number,
): Promise<number | undefined> {
  const row = id
    ? await db
        .updateTable('committee')
        .set({ ...values, updated_at: at })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst()
    : await db
        .insertInto('committee')
        .values({ ...values, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
  return row?.id;
}

/** Inserts a batch of the committee, or updates its batch `batchId` (undefined when it has none such). */
export async function saveBatch(
  db: Executor,
  at: Date,
  committeeId: number,
  values: { year: number; opens_at: Date; closes_at: Date; correction_closes_at: Date | null; notice: string },
  batchId?: number,
): Promise<number | undefined> {
  const row = batchId
    ? await db
        .updateTable('committee_batch')
        .set({ ...values, updated_at: at })
        .where('id', '=', batchId)
        .where('committee_id', '=', committeeId)
        .returning('id')
        .executeTakeFirst()
    : await db
        .insertInto('committee_batch')
        .values({ ...values, committee_id: committeeId, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
  return row?.id;
}

/** Committees whose batch is open now (开评评委会, manual §2.1), searchable by keyword. */
export function openBatches(db: Executor, now: Date, keyword?: string) {
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
    .where('committee_batch.closes_at', '>', now)
    .where('committee_batch.disabled_at', 'is', null);
  if (keyword)
    q = q.where((eb) =>
      eb.or([eb('committee.name', 'like', contains(keyword)), eb('series.name', 'like', contains(keyword))]),
    );
  return q.orderBy('committee_batch.closes_at').execute();
}

/** An organisation of one kind, by its id. */
export function findOrganisation(db: Executor, kind: OrgKind, id: number) {
  const table = ({ supervisor: 'supervisor', hrBureau: 'hr_bureau', committee: 'committee' } as const)[kind];
  return db.selectFrom(table).select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** A reviewer row names its organisation in one of three columns, by its kind. */
export const reviewerOrgId = sql<number>`coalesce(reviewer.supervisor_id, reviewer.hr_bureau_id, reviewer.committee_id)`;
export const reviewerOrgName = sql<string>`coalesce(supervisor.name, hr_bureau.name, committee.name)`;

/** The organisation a reviewer account speaks for. */
export async function reviewerOrg(
  db: Executor,
  accountId: number,
): Promise<{ orgKind: OrgKind; orgId: number; orgName: string } | undefined> {
  const row = await db
    .selectFrom('reviewer')
    .leftJoin('supervisor', 'supervisor.id', 'reviewer.supervisor_id')
    .leftJoin('hr_bureau', 'hr_bureau.id', 'reviewer.hr_bureau_id')
    .leftJoin('committee', 'committee.id', 'reviewer.committee_id')
    .select(['reviewer.org_kind', reviewerOrgId.as('org_id'), reviewerOrgName.as('org_name')])
    .where('reviewer.account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { orgKind: row.org_kind, orgId: row.org_id, orgName: row.org_name } : undefined;
}
