import type { Executor } from '../../db/database';
import { personalData } from '../../db/personal-data';
import type { UnitRow } from '../../db/schema';
import { insertAccount } from '../auth/account.repository';

const openUnit = (db: Executor, row: UnitRow | undefined): UnitRow | undefined =>
  row && { ...row, contact_phone: personalData(db).open(row.contact_phone) };

export async function findUnit(db: Executor, unitId: number): Promise<UnitRow | undefined> {
  return openUnit(db, await db.selectFrom('unit').selectAll().where('id', '=', unitId).executeTakeFirst());
}

export async function findUnitByAccount(db: Executor, accountId: number): Promise<UnitRow | undefined> {
  return openUnit(db, await db.selectFrom('unit').selectAll().where('account_id', '=', accountId).executeTakeFirst());
}

export function creditCodeInUse(db: Executor, creditCode: string) {
  return db.selectFrom('unit').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
}

/** The unit's account (its credit code is its login name) and the unit itself; the caller's transaction. */
export async function insertUnitWithAccount(
  trx: Executor,
  now: Date,
  unit: { unitName: string; creditCode: string; contactName: string; phone: string; passwordHash: string },
): Promise<{ accountId: number; unitId: number }> {
  const accountId = await insertAccount(trx, {
    kind: 'unit',
    login_name: unit.creditCode,
    display_name: unit.unitName,
    phone: unit.phone,
    password_hash: unit.passwordHash,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  });
  const contactPhone = personalData(trx).phone(unit.phone);
  const row = await trx
    .insertInto('unit')
    .values({
      account_id: accountId,
      name: unit.unitName,
      credit_code: unit.creditCode,
      contact_name: unit.contactName,
      contact_phone: contactPhone.sealed,
      contact_phone_hash: contactPhone.key,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accountId, unitId: row.id };
}

export async function updateUnitInfo(
  db: Executor,
  unitId: number,
  at: Date,
  info: Pick<
    UnitRow,
    | 'license_file_id'
    | 'nature'
    | 'level'
    | 'region_code'
    | 'contact_name'
    | 'contact_phone'
    | 'fax'
    | 'address'
    | 'remark'
  >,
): Promise<void> {
  const contactPhone = personalData(db).phone(info.contact_phone);
  await db
    .updateTable('unit')
    .set({
      ...info,
      contact_phone: contactPhone.sealed,
      contact_phone_hash: contactPhone.key,
      info_updated_at: at,
      updated_at: at,
    })
    .where('id', '=', unitId)
    .execute();
}
