import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';

export interface ResolvedSession {
  sessionId: string;
  account: AccountRow;
}

export type SessionLookup = { status: 'active'; session: ResolvedSession } | { status: 'expired' } | { status: 'none' };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

// last_seen_at is written at most once a minute per session: the idle timeout keeps its meaning and
// a busy desk does not turn every read into a write.
const touchEveryMs = 60_000;

export interface SessionService {
  /** A new session (and a new id) at every login: a token fixed before login is never reused. */
  create(db: Db, accountId: number, meta: { ip: string | null; userAgent: string | null }): Promise<string>;
  resolve(token: string): Promise<SessionLookup>;
  end(token: string): Promise<void>;
  /** Ends every session of an account, except one (after a password change, the one that made it). */
  endAllOf(db: Db, accountId: number, except?: string): Promise<void>;
}

export function createSessionService(db: Db, clock: Clock, rules: Config['session']): SessionService {
  const idleMs = rules.idleMinutes * 60_000;
  return {
    async create(trx, accountId, meta) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await trx
        .insertInto('session')
        .values({
          id: digest(token),
          account_id: accountId,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + rules.absoluteHours * 3600_000),
          ip: meta.ip,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return token;
    },

    async resolve(token) {
      const id = digest(token);
      const row = await db
        .selectFrom('session')
        .innerJoin('account', 'account.id', 'session.account_id')
        .selectAll('account')
        .select(['session.last_seen_at', 'session.expires_at', 'session.ended_at'])
        .where('session.id', '=', id)
        .executeTakeFirst();
      if (!row || row.ended_at) return { status: row ? 'expired' : 'none' };
      const now = clock.now();
      if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > idleMs) {
        await db
          .updateTable('session')
          .set({ ended_at: now })
          .where('id', '=', id)
          .where('ended_at', 'is', null)
          .execute();
        return { status: 'expired' };
      }
      if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
        await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
      }
      const { last_seen_at: _seen, expires_at: _expires, ended_at: _ended, ...account } = row;
      return { status: 'active', session: { sessionId: id, account } };
    },

    async end(token) {
      await db
        .updateTable('session')
        .set({ ended_at: clock.now() })
        .where('id', '=', digest(token))
        .where('ended_at', 'is', null)
        .execute();
    },

    async endAllOf(trx, accountId, except) {
      let q = trx
        .updateTable('session')
        .set({ ended_at: clock.now() })
        .where('account_id', '=', accountId)
        .where('ended_at', 'is', null);
      if (except) q = q.where('id', '!=', except);
      await q.execute();
    },
  };
}
