import type { AccountKind } from '#common';
import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import { normaliseIdNumber, openAccount, personalData } from '../../db/personal-data';
import type { AccountRow, Database, NewAccount } from '../../db/schema';
import type { LockState } from './lockout.policy';
import { endSessionsOf } from './session.repository';

/** The account a login name stands for: its login name, or its phone where the kind logs in by phone. */
export async function findAccountForLogin(
  db: Executor,
  kind: AccountKind,
  username: string,
): Promise<AccountRow | undefined> {
  const data = personalData(db);
  const row = await db
    .selectFrom('account')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => {
      if (kind === 'applicant') {
        // A person's login name is their ID number, sealed: found by its digest (upper case, as the X is often typed small).
        const byIdNumber = eb(
          'id',
          'in',
          eb.selectFrom('applicant').select('account_id').where('id_number_hash', '=', data.idNumberKey(username)),
        );
        return eb.or([byIdNumber, eb('phone_hash', '=', data.phoneKey(username))]);
      }
      // Credit codes are upper case.
      if (kind === 'unit') {
        return eb.or([eb('login_name', '=', username.toUpperCase()), eb('phone_hash', '=', data.phoneKey(username))]);
      }
      return eb('login_name', '=', username);
    })
    .executeTakeFirst();
  return openAccount(db, row);
}

export async function findAccountById(db: Executor, id: number): Promise<AccountRow | undefined> {
  return openAccount(db, await db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst());
}

export async function findAccountByPhone(
  db: Executor,
  kind: AccountKind,
  phone: string,
): Promise<AccountRow | undefined> {
  const row = await db
    .selectFrom('account')
    .selectAll()
    .where('kind', '=', kind)
    .where('phone_hash', '=', personalData(db).phoneKey(phone))
    .executeTakeFirst();
  return openAccount(db, row);
}

export async function phoneInUse(db: Executor, kind: AccountKind, phone: string): Promise<boolean> {
  return (await findAccountByPhone(db, kind, phone)) !== undefined;
}

/** An account as its service knows it, in plain text: the phone (and a person's ID number) are sealed here. */
export async function insertAccount(db: Executor, values: Omit<NewAccount, 'phone_hash'>): Promise<number> {
  const data = personalData(db);
  const phone = values.phone ? data.phone(values.phone) : null;
  const row = await db
    .insertInto('account')
    .values({
      ...values,
      login_name: values.kind === 'applicant' ? data.seal(normaliseIdNumber(values.login_name)) : values.login_name,
      phone: phone?.sealed ?? null,
      phone_hash: phone?.key ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function lockStateOf(account: AccountRow): LockState {
  return {
    failedCount: account.failed_login_count,
    lockedAt: account.locked_at,
    lockedUntil: account.locked_until,
    lockRounds: account.lock_rounds,
  };
}

/**
 * Ends a run of wrong passwords at a good one, unless the account is locked (or has just become locked
 * by a parallel wrong guess): false then. A temporary lock that has lapsed is cleared.
 */
export async function clearFailedLogins(db: Executor, accountId: number, now: Date): Promise<boolean> {
  const reset = await db
    .updateTable('account')
    .set({ failed_login_count: 0, lock_rounds: 0, locked_at: null, locked_until: null, updated_at: now })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('locked_at', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(reset.numUpdatedRows) === 1;
}

/** Whether an account is locked at `now` (a temporary lock that has lapsed is not), for lists to filter by. */
export function lockedNow(eb: ExpressionBuilder<Database, 'account'>, now: Date) {
  return eb.and([
    eb('account.locked_at', 'is not', null),
    eb.or([eb('account.locked_until', 'is', null), eb('account.locked_until', '>', now)]),
  ]);
}

/** `account.locked_at` while the lock holds at `now`, else null: what lists show as 已锁定. */
export function lockedAtNow(eb: ExpressionBuilder<Database, 'account'>, now: Date) {
  return eb.case().when(lockedNow(eb, now)).then(eb.ref('account.locked_at')).else(null).end().as('locked_at');
}

/** A password the owner chose (changed or reset): no longer temporary. */
export async function setOwnPassword(db: Executor, accountId: number, passwordHash: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: now, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function setPhone(db: Executor, accountId: number, phone: string, now: Date): Promise<void> {
  const stored = personalData(db).phone(phone);
  await db
    .updateTable('account')
    .set({ phone: stored.sealed, phone_hash: stored.key, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

/**
 * A unit registers with one phone for both its login and its 联系电话; while the 联系电话 is still that
 * number it follows a change of the login phone. One the unit set apart (a landline) stays.
 */
export async function followContactPhone(
  db: Executor,
  accountId: number,
  from: string | null,
  to: string,
  now: Date,
): Promise<void> {
  if (from === null) return;
  const data = personalData(db);
  const stored = data.phone(to);
  await db
    .updateTable('unit')
    .set({ contact_phone: stored.sealed, contact_phone_hash: stored.key, updated_at: now })
    .where('account_id', '=', accountId)
    .where('contact_phone_hash', '=', data.phoneKey(from))
    .execute();
}

export async function setDisplayName(db: Executor, accountId: number, displayName: string, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ display_name: displayName, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function unlockAccount(db: Executor, accountId: number, now: Date): Promise<void> {
  await db
    .updateTable('account')
    .set({ locked_at: null, locked_until: null, failed_login_count: 0, lock_rounds: 0, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

/** A one-time password that must be changed at the next login; every open session of the account ends. */
export async function giveTemporaryPassword(db: Executor, at: Date, accountId: number, passwordHash: string) {
  await db
    .updateTable('account')
    .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: at, updated_at: at })
    .where('id', '=', accountId)
    .execute();
  await endSessionsOf(db, accountId, at);
}
