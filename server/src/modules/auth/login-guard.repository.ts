import type { Executor } from '../../db/database';
import type { LockState } from './lockout.policy';

/**
 * Where the lock state of a login is kept: on the account, or for a name with no account in
 * `unknown_login`. Reads for update run inside the transaction that stores the next state, so parallel
 * wrong passwords are counted one after the other.
 */
export type LoginTarget = { accountId: number } | { nameKey: string };

const columns = ['failed_count', 'locked_at', 'locked_until', 'lock_rounds'] as const;
type StoredLock = { failed_count: number; locked_at: Date | null; locked_until: Date | null; lock_rounds: number };
const toState = (r: StoredLock): LockState => ({
  failedCount: r.failed_count,
  lockedAt: r.locked_at,
  lockedUntil: r.locked_until,
  lockRounds: r.lock_rounds,
});
const toColumns = (s: LockState) => ({
  failed_count: s.failedCount,
  locked_at: s.lockedAt,
  locked_until: s.lockedUntil,
  lock_rounds: s.lockRounds,
});

/** The lock state of a name without an account; none stored reads as a fresh account's. */
export async function unknownLoginState(db: Executor, nameKey: string): Promise<LockState | undefined> {
  const row = await db.selectFrom('unknown_login').select(columns).where('name_key', '=', nameKey).executeTakeFirst();
  return row && toState(row);
}

export async function lockStateForUpdate(trx: Executor, target: LoginTarget, now: Date): Promise<LockState> {
  if ('accountId' in target) {
    const row = await trx
      .selectFrom('account')
      .select(['failed_login_count as failed_count', 'locked_at', 'locked_until', 'lock_rounds'])
      .where('id', '=', target.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return toState(row);
  }
  await trx
    .insertInto('unknown_login')
    .values({ name_key: target.nameKey, updated_at: now })
    .onConflict((oc) => oc.column('name_key').doNothing())
    .execute();
  const row = await trx
    .selectFrom('unknown_login')
    .select(columns)
    .where('name_key', '=', target.nameKey)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return toState(row);
}

export async function saveLockState(trx: Executor, target: LoginTarget, state: LockState, now: Date): Promise<void> {
  const { failed_count, ...rest } = toColumns(state);
  if ('accountId' in target) {
    await trx
      .updateTable('account')
      .set({ ...rest, failed_login_count: failed_count, updated_at: now })
      .where('id', '=', target.accountId)
      .execute();
    return;
  }
  await trx
    .updateTable('unknown_login')
    .set({ ...rest, failed_count, updated_at: now })
    .where('name_key', '=', target.nameKey)
    .execute();
}

/**
 * Names no one has typed for a day are forgotten (a temporary lock of theirs lapsed long before); a held
 * lock stays, as a real account's would until someone unlocks it.
 */
export async function forgetIdleUnknownLogins(db: Executor, before: Date): Promise<void> {
  await db
    .deleteFrom('unknown_login')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('locked_at', 'is', null), eb('locked_until', 'is not', null)]))
    .execute();
}
