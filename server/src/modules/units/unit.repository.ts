import type { Executor } from '../../db/database';
import type { UnitRow } from '../../db/schema';

export function findUnit(db: Executor, unitId: number): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', unitId).executeTakeFirst();
}

export function findUnitByAccount(db: Executor, accountId: number): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}
