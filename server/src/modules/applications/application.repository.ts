import { sql, type Insertable, type Selectable } from 'kysely';
import type { WorkflowState } from '#common';
import type { Executor } from '../../db/database';
import type { ApplicationTable } from '../../db/schema';

export type ApplicationRow = Selectable<ApplicationTable>;

export function findApplication(db: Executor, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The application locked for the rest of the transaction: decisions on it wait their turn. */
export function lockApplication(trx: Executor, id: number): Promise<ApplicationRow | undefined> {
  return trx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function applicationsOf(db: Executor, applicantAccountId: number): Promise<ApplicationRow[]> {
  return db
    .selectFrom('application')
    .selectAll()
    .where('applicant_account_id', '=', applicantAccountId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertApplication(trx: Executor, values: Insertable<ApplicationTable>): Promise<number> {
  const row = await trx.insertInto('application').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Moves the version on from the one the page saw; undefined when someone changed it meanwhile. */
export function updateSeenVersion(
  trx: Executor,
  id: number,
  seenVersion: number,
  set: Partial<Insertable<ApplicationTable>>,
  at: Date,
) {
  return trx
    .updateTable('application')
    .set({ ...set, version: seenVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .returning(['version', 'updated_at'])
    .executeTakeFirst();
}

/** A change beside the form (an attachment) still moves the version, so open pages learn of it. */
export async function bumpVersion(trx: Executor, id: number, at: Date): Promise<void> {
  await trx
    .updateTable('application')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/** Writes a workflow step's new state, and who holds the application now, on the locked row. */
export async function writeState(
  trx: Executor,
  row: ApplicationRow,
  state: WorkflowState,
  at: Date,
  extra: Partial<Insertable<ApplicationTable>> = {},
) {
  const step =
    state.status === 'inReview' && state.route && state.stageIndex !== null ? state.route[state.stageIndex] : undefined;
  return trx
    .updateTable('application')
    .set({
      ...extra,
      status: state.status,
      stage_index: state.stageIndex,
      route: state.route === null ? null : JSON.stringify(state.route),
      returned_from_index: state.returnedFromIndex,
      return_count: state.returnCount,
      holder_kind: step?.holder ?? null,
      holder_org_id: step?.orgId ?? null,
      version: row.version + 1,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function saveUnitOpinion(trx: Executor, id: number, version: number, opinion: string, at: Date) {
  const row = await trx
    .updateTable('application')
    .set({ unit_opinion: opinion, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .returning(['version'])
    .executeTakeFirstOrThrow();
  return row.version;
}

/** What an application of a person, series, level and year is matched by; `id` is left out of the match. */
export type SameYearKey = Pick<ApplicationRow, 'applicant_account_id' | 'series_code' | 'title_level' | 'year'> & {
  id?: number;
};

/**
 * Another application of the same person, series, level and year that went beyond a draft, with what
 * names it to its applicant: a 不通过 one first, since it is the one that bars the year for good.
 */
export function sameYearApplication(db: Executor, key: SameYearKey) {
  let q = db
    .selectFrom('application')
    .innerJoin('title', 'title.id', 'application.title_id')
    .innerJoin('series', 'series.code', 'application.series_code')
    .select([
      'application.id',
      'application.status',
      'application.year',
      'title.name as title_name',
      'series.name as series_name',
    ])
    .where('application.applicant_account_id', '=', key.applicant_account_id)
    .where('application.series_code', '=', key.series_code)
    .where('application.title_level', '=', key.title_level)
    .where('application.year', '=', key.year)
    .where('application.status', '!=', 'draft');
  if (key.id !== undefined) q = q.where('application.id', '!=', key.id);
  return q
    .orderBy(sql`application.status = 'rejected'`, 'desc')
    .orderBy('application.id', 'desc')
    .executeTakeFirst();
}

export function applicantOf(db: Executor, accountId: number) {
  return db.selectFrom('applicant').select(['name', 'unit_id']).where('account_id', '=', accountId).executeTakeFirst();
}

export function findBatchWindow(db: Executor, batchId: number) {
  return db
    .selectFrom('committee_batch')
    .select(['id', 'year', 'committee_id', 'opens_at', 'closes_at', 'correction_closes_at'])
    .where('id', '=', batchId)
    .executeTakeFirst();
}
