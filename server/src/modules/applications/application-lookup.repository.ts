import type { Executor } from '../../db/database';

/** The reference rows an application points at: its title, committee, specialties, unit. */
export function findTitle(db: Executor, id: number) {
  return db.selectFrom('title').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCommittee(db: Executor, id: number) {
  return db
    .selectFrom('committee')
    .select(['id', 'name', 'series_code', 'title_levels', 'confirming_bureau_id', 'office_review', 'group_review'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSpecialty(db: Executor, id: number) {
  return db
    .selectFrom('specialty')
    .select(['id', 'depth', 'name', 'path_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function seriesName(db: Executor, code: string) {
  return db.selectFrom('series').select('name').where('code', '=', code).executeTakeFirst();
}

export function unitName(db: Executor, id: number) {
  return db.selectFrom('unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The unit's approved default supervising department, as the cover names it. */
export function defaultSupervisorName(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_supervisor')
    .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
    .select('supervisor.name')
    .where('unit_supervisor.unit_id', '=', unitId)
    .where('unit_supervisor.is_default', '=', true)
    .where('unit_supervisor.status', '=', 'approved')
    .executeTakeFirst();
}

/** The unit's default supervising department, whatever its status (the route needs an approved one). */
export function defaultSupervisor(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_supervisor')
    .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
    .select(['supervisor.id', 'supervisor.name', 'unit_supervisor.status'])
    .where('unit_supervisor.unit_id', '=', unitId)
    .where('unit_supervisor.is_default', '=', true)
    .executeTakeFirst();
}

export function applicantName(db: Executor, accountId: number) {
  return db.selectFrom('applicant').select('name').where('account_id', '=', accountId).executeTakeFirst();
}
