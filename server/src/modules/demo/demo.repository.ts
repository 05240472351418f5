import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import type { DemoCredentialTable, UnitTable } from '../../db/schema';

export function listDemoCredentials(db: Executor) {
  return db.selectFrom('demo_credential').selectAll().orderBy('id').execute();
}

/** What the login page shows of the demo accounts. */
export function demoLoginCredentials(db: Executor) {
  return db.selectFrom('demo_credential').select(['kind', 'username', 'password', 'note']).orderBy('id').execute();
}

export async function insertDemoCredentials(
  db: Executor,
  credentials: Insertable<DemoCredentialTable>[],
): Promise<void> {
  await db.insertInto('demo_credential').values(credentials).execute();
}

/** A demo account is used at once: no first-login password change. */
export async function skipFirstPasswordChange(db: Executor, accountId: number): Promise<void> {
  await db.updateTable('account').set({ must_change_password: false }).where('id', '=', accountId).execute();
}

export async function fillUnitInfo(
  db: Executor,
  unitId: number,
  info: Pick<Insertable<UnitTable>, 'nature' | 'level' | 'region_code' | 'address'>,
): Promise<void> {
  await db.updateTable('unit').set(info).where('id', '=', unitId).execute();
}

/** The unit's default supervisor, already approved. */
export async function insertApprovedSupervisor(
  db: Executor,
  unitId: number,
  supervisorId: number,
  at: Date,
): Promise<void> {
  await db
    .insertInto('unit_supervisor')
    .values({
      unit_id: unitId,
      supervisor_id: supervisorId,
      is_default: true,
      status: 'approved',
      submitted_at: at,
      decided_at: at,
    })
    .execute();
}
