import type { AccountKind } from '#common';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';

/** The account a login name stands for: its login name, or its phone where the kind logs in by phone. */
export function findAccountForLogin(db: Db, kind: AccountKind, username: string): Promise<AccountRow | undefined> {
  const byPhone = kind === 'unit' || kind === 'applicant';
  return db
    .selectFrom('account')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => {
      // Credit codes and ID numbers are upper case (the X of an ID number is often typed small).
      const byName = eb('login_name', '=', kind === 'unit' || kind === 'applicant' ? username.toUpperCase() : username);
      return byPhone ? eb.or([byName, eb('phone', '=', username)]) : byName;
    })
    .executeTakeFirst();
}

export function findAccountById(db: Db, id: number): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountByPhone(db: Db, kind: AccountKind, phone: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('kind', '=', kind).where('phone', '=', phone).executeTakeFirst();
}

export async function phoneInUse(db: Db, kind: AccountKind, phone: string): Promise<boolean> {
  return (await findAccountByPhone(db, kind, phone)) !== undefined;
}
