import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The tables whose rows the platform admin may disable (停用) or delete when nothing uses them. */
export type DisableableTable = 'supervisor' | 'hr_bureau' | 'committee_batch';

/** The row, locked: a unit choosing it meanwhile (its foreign key) waits for the deletion to decide. */
export function lockRow(db: Executor, table: DisableableTable, id: number) {
  return db
    .selectFrom(table as 'supervisor')
    .select(['id', 'disabled_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A committee's batch, locked, with its year (the admin names a batch by it). */
export function lockBatch(db: Executor, committeeId: number, batchId: number) {
  return db
    .selectFrom('committee_batch')
    .select(['id', 'year', 'disabled_at'])
    .where('id', '=', batchId)
    .where('committee_id', '=', committeeId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setDisabled(db: Executor, table: DisableableTable, id: number, at: Date, disabled: boolean) {
  await db
    .updateTable(table as 'supervisor')
    .set({ disabled_at: disabled ? at : null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteRow(db: Executor, table: DisableableTable, id: number) {
  await db
    .deleteFrom(table as 'supervisor')
    .where('id', '=', id)
    .execute();
}

const count = sql<string>`count(*)`.as('n');

/** Units that chose the department (pending, approved or refused). */
export async function unitsChoosing(db: Executor, supervisorId: number): Promise<number> {
  const row = await db
    .selectFrom('unit_supervisor')
    .select(count)
    .where('supervisor_id', '=', supervisorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 审核用户 accounts of an organisation. */
export async function reviewersOf(db: Executor, column: 'supervisor_id' | 'hr_bureau_id', orgId: number) {
  const row = await db.selectFrom('reviewer').select(count).where(column, '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Applications whose route holds the organisation, or whose 审核记录 names it (a route reset since
 * keeps its records).
 */
export async function applicationsThrough(db: Executor, holder: 'supervisor' | 'hrBureau', orgId: number) {
  const step = JSON.stringify([{ holder, orgId }]);
  const row = await db
    .selectFrom('application')
    .select(count)
    .where((eb) =>
      eb.or([
        sql<boolean>`application.route @> ${step}::jsonb`,
        eb(
          'application.id',
          'in',
          eb
            .selectFrom('review_log')
            .select('review_log.application_id')
            .where('review_log.org_kind', '=', holder)
            .where('review_log.org_id', '=', orgId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function applicationsOfBatch(db: Executor, batchId: number): Promise<number> {
  const row = await db
    .selectFrom('application')
    .select(count)
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a batch is disabled (undefined when there is none such). */
export async function batchDisabled(db: Executor, batchId: number): Promise<boolean | undefined> {
  const row = await db.selectFrom('committee_batch').select('disabled_at').where('id', '=', batchId).executeTakeFirst();
  return row ? row.disabled_at !== null : undefined;
}
