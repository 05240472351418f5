import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database';
import type { Database } from '../../db/schema';
import { sealedPrefix } from '../../crypto/field-cipher';
import { cipherOf } from '../../db/personal-data';

export interface TwoFactorState {
  enabledAt: Date | null;
  lastUsedStep: number | null;
}

/** Whether and since when the account has 两步验证 (a pending enrolment reads as off). */
export async function twoFactorOf(db: Executor, accountId: number): Promise<TwoFactorState | null> {
  const row = await db
    .selectFrom('two_factor')
    .select(['enabled_at', 'last_used_step'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { enabledAt: row.enabled_at, lastUsedStep: row.last_used_step } : null;
}

export async function twoFactorEnabled(db: Executor, accountId: number): Promise<boolean> {
  return (await twoFactorOf(db, accountId))?.enabledAt != null;
}

/**
 * The only way in and out of the secret column: sealed with the field keys of the ID and phone numbers
 * (a secret enrolled before they sealed it is read as it was kept).
 */
export async function readTwoFactorSecret(db: Executor, accountId: number): Promise<string | null> {
  const row = await db.selectFrom('two_factor').select('secret').where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  return row.secret.startsWith(sealedPrefix) ? cipherOf(db).open(row.secret) : row.secret;
}

/** A new enrolment, not yet confirmed: replaces an unconfirmed one, never a confirmed one (false then). */
export async function writePendingTwoFactorSecret(
  db: Executor,
  accountId: number,
  secret: string,
  now: Date,
): Promise<boolean> {
  const sealed = cipherOf(db).seal(secret);
  const written = await db
    .insertInto('two_factor')
    .values({ account_id: accountId, secret: sealed, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('account_id')
        .doUpdateSet({ secret: sealed, last_used_step: null, created_at: now, updated_at: now })
        .where('two_factor.enabled_at', 'is', null),
    )
    .executeTakeFirst();
  return Number(written.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Confirms the pending enrolment (false if there is none, or it is already on). */
export async function enableTwoFactor(db: Executor, accountId: number, step: number, now: Date): Promise<boolean> {
  const done = await db
    .updateTable('two_factor')
    .set({ enabled_at: now, last_used_step: step, updated_at: now })
    .where('account_id', '=', accountId)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * Remembers the step of an accepted code, unless a parallel request used it (or a later one) first:
 * false then, and the code counts as used.
 */
export async function spendTotpStep(db: Executor, accountId: number, step: number, now: Date): Promise<boolean> {
  const done = await db
    .updateTable('two_factor')
    .set({ last_used_step: step, updated_at: now })
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Turns 两步验证 off: the secret and every recovery code go. */
export async function removeTwoFactor(db: Executor, accountId: number): Promise<boolean> {
  await db.deleteFrom('recovery_code').where('account_id', '=', accountId).execute();
  const removed = await db.deleteFrom('two_factor').where('account_id', '=', accountId).executeTakeFirst();
  return Number(removed.numDeletedRows) === 1;
}

export async function replaceRecoveryCodes(
  db: Executor,
  accountId: number,
  hashes: { salt: string; codeHash: string }[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('recovery_code').where('account_id', '=', accountId).execute();
  await db
    .insertInto('recovery_code')
    .values(hashes.map((h) => ({ account_id: accountId, salt: h.salt, code_hash: h.codeHash, created_at: now })))
    .execute();
}

export function unusedRecoveryCodes(db: Executor, accountId: number) {
  return db
    .selectFrom('recovery_code')
    .select(['id', 'salt', 'code_hash'])
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Spends one recovery code; false when a parallel request spent it first. */
export async function spendRecoveryCode(db: Executor, id: number, now: Date): Promise<boolean> {
  const done = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function insertLoginChallenge(
  db: Executor,
  values: { id: string; accountId: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  // Challenges that lapsed a day ago are of no use to anyone, not even the audit (which has its own rows).
  await db
    .deleteFrom('login_challenge')
    .where('expires_at', '<', new Date(values.createdAt.getTime() - 24 * 3600_000))
    .execute();
  await db
    .insertInto('login_challenge')
    .values({
      id: values.id,
      account_id: values.accountId,
      created_at: values.createdAt,
      expires_at: values.expiresAt,
    })
    .execute();
}

export function findLoginChallenge(db: Executor, id: string) {
  return db.selectFrom('login_challenge').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Ends a challenge at its success; false when a parallel request completed it first. */
export async function useLoginChallenge(db: Executor, id: string, now: Date): Promise<boolean> {
  const done = await db
    .updateTable('login_challenge')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Whether the account of the row has 两步验证 on, as a column of a list or a session. */
export function twoFactorOn(eb: ExpressionBuilder<Database, 'account'>) {
  return eb.exists(
    eb
      .selectFrom('two_factor')
      .select('two_factor.account_id')
      .whereRef('two_factor.account_id', '=', 'account.id')
      .where('two_factor.enabled_at', 'is not', null),
  );
}
