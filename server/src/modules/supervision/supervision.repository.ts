import type { SupervisorRequestStatus } from '#common';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import { paginate, type PageRequest } from '../../db/paginate';
import { openPage } from '../../db/personal-data';

/** The unit's choices of supervising department (unit_supervisor rows), oldest first. */
export function unitSupervisors(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_supervisor')
    .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
    .selectAll('unit_supervisor')
    .select('supervisor.name as supervisor_name')
    .where('unit_supervisor.unit_id', '=', unitId)
    .orderBy('unit_supervisor.submitted_at')
    .execute();
}

export type UnitSupervisorListRow = Awaited<ReturnType<typeof unitSupervisors>>[number];

export function supervisorStatuses(db: Executor, unitId: number) {
  return db.selectFrom('unit_supervisor').select(['status', 'is_default']).where('unit_id', '=', unitId).execute();
}

/** Locks the unit's choices, so that two requests at once cannot both become the default. */
export function lockUnitChoices(db: Executor, unitId: number) {
  return db.selectFrom('unit_supervisor').select('id').where('unit_id', '=', unitId).forUpdate().execute();
}

export async function insertChoice(
  db: Executor,
  choice: { unitId: number; supervisorId: number; isDefault: boolean; submittedAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('unit_supervisor')
    .values({
      unit_id: choice.unitId,
      supervisor_id: choice.supervisorId,
      is_default: choice.isDefault,
      status: 'pending',
      submitted_at: choice.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One of the unit's own choices, locked for the change; another unit's is not found. */
export function findChoiceForUpdate(db: Executor, unitId: number, choiceId: number) {
  return db
    .selectFrom('unit_supervisor')
    .selectAll()
    .where('id', '=', choiceId)
    .where('unit_id', '=', unitId)
    .forUpdate()
    .executeTakeFirst();
}

export async function makeDefault(db: Executor, unitId: number, choiceId: number): Promise<void> {
  await db.updateTable('unit_supervisor').set({ is_default: false }).where('unit_id', '=', unitId).execute();
  await db.updateTable('unit_supervisor').set({ is_default: true }).where('id', '=', choiceId).execute();
}

export async function deleteChoice(db: Executor, choiceId: number): Promise<void> {
  await db.deleteFrom('unit_supervisor').where('id', '=', choiceId).execute();
}

export function oldestChoice(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_supervisor')
    .select('id')
    .where('unit_id', '=', unitId)
    .orderBy('submitted_at')
    .limit(1)
    .executeTakeFirst();
}

export async function markDefault(db: Executor, choiceId: number): Promise<void> {
  await db.updateTable('unit_supervisor').set({ is_default: true }).where('id', '=', choiceId).execute();
}

/** 主管单位审核: the requests addressed to one supervising department, newest first. */
export async function deskPage(
  db: Executor,
  supervisorId: number,
  filter: { status?: SupervisorRequestStatus; keyword?: string },
  page: PageRequest,
) {
  let q = db
    .selectFrom('unit_supervisor')
    .innerJoin('unit', 'unit.id', 'unit_supervisor.unit_id')
    .leftJoin('region', 'region.code', 'unit.region_code')
    .where('unit_supervisor.supervisor_id', '=', supervisorId);
  if (filter.status) q = q.where('unit_supervisor.status', '=', filter.status);
  const keyword = filter.keyword;
  if (keyword)
    q = q.where((eb) =>
      eb.or([eb('unit.name', 'like', contains(keyword)), eb('unit.credit_code', '=', keyword.toUpperCase())]),
    );
  const found = await paginate(
    q,
    page,
    (rows) =>
      rows.select([
        'unit_supervisor.id',
        'unit.name',
        'unit.credit_code',
        'unit.nature',
        'unit.level',
        'region.full_name as region_full_name',
        'unit.contact_name',
        'unit.contact_phone',
        'unit_supervisor.status',
        'unit_supervisor.submitted_at',
        'unit_supervisor.decided_at',
        'unit_supervisor.opinion',
      ]),
    {
      sort: 'unit_supervisor.submitted_at',
      id: 'unit_supervisor.id',
      keyOf: (r) => ({ sort: r.submitted_at, id: r.id }),
    },
  );
  return openPage(db, found, ['contact_phone']);
}

export type DeskRow = Awaited<ReturnType<typeof deskPage>>['rows'][number];

/** A request addressed to the department, locked for its decision; another department's is not found. */
export function findRequestForDecision(db: Executor, supervisorId: number, requestId: number) {
  return db
    .selectFrom('unit_supervisor')
    .innerJoin('unit', 'unit.id', 'unit_supervisor.unit_id')
    .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
    .select([
      'unit_supervisor.id',
      'unit_supervisor.status',
      'unit.account_id',
      'unit.id as unit_id',
      'supervisor.name as supervisor_name',
    ])
    .where('unit_supervisor.id', '=', requestId)
    .where('unit_supervisor.supervisor_id', '=', supervisorId)
    .forUpdate()
    .executeTakeFirst();
}

export async function recordDecision(
  db: Executor,
  requestId: number,
  decision: { status: 'approved' | 'rejected'; at: Date; by: number; opinion: string | null },
): Promise<void> {
  await db
    .updateTable('unit_supervisor')
    .set({ status: decision.status, decided_at: decision.at, decided_by: decision.by, opinion: decision.opinion })
    .where('id', '=', requestId)
    .execute();
}
