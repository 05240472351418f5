import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { openAccount } from '../../db/personal-data';
import type { SessionTable } from '../../db/schema';
import { twoFactorOn } from '../two-factor/two-factor.repository';

export async function insertSession(db: Executor, values: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('session').values(values).execute();
}

/** A session by its id (the digest of its token), with the whole row of its account. */
export async function findSessionWithAccount(db: Executor, id: string) {
  const row = await db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .selectAll('account')
    .select(['session.last_seen_at', 'session.expires_at', 'session.ended_at'])
    .select((eb) => twoFactorOn(eb).as('two_factor_enabled'))
    .where('session.id', '=', id)
    .executeTakeFirst();
  return openAccount(db, row);
}

export async function endSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('session').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function endSessionsOf(db: Executor, accountId: number, at: Date, except?: string): Promise<void> {
  let q = db
    .updateTable('session')
    .set({ ended_at: at })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null);
  if (except) q = q.where('id', '!=', except);
  await q.execute();
}
