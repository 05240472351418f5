import { createHash, randomBytes } from 'node:crypto';
import type { AccountKind } from '#common';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { endSession, endSessionsOf, findSessionWithAccount, insertSession, touchSession } from './session.repository';

export interface ResolvedSession {
  sessionId: string;
  account: AccountRow;
  /** TWO_FACTOR_REQUIRED names the account's kind and it has not turned 两步验证 on: nothing else opens. */
  mustEnrolTwoFactor: boolean;
}

/** Whether an account must turn on 两步验证 before it may do anything else. */
export const mustEnrolTwoFactor = (
  required: readonly AccountKind[],
  account: { kind: AccountKind },
  enabled: boolean,
): boolean => !enabled && required.includes(account.kind);

export type SessionLookup = { status: 'active'; session: ResolvedSession } | { status: 'expired' } | { status: 'none' };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

// last_seen_at is written at most once a minute per session: the idle timeout keeps its meaning and
// a busy desk does not turn every read into a write.
const touchEveryMs = 60_000;

export interface SessionService {
  /** A new session (and a new id) at every login: a token fixed before login is never reused. */
  create(db: Executor, accountId: number, meta: { ip: string | null; userAgent: string | null }): Promise<string>;
  resolve(token: string): Promise<SessionLookup>;
  end(token: string): Promise<void>;
  /** Ends every session of an account, except one (after a password change, the one that made it). */
  endAllOf(db: Executor, accountId: number, except?: string): Promise<void>;
}

export function createSessionService(
  db: Db,
  clock: Clock,
  rules: Config['session'],
  twoFactorRequired: readonly AccountKind[] = [],
): SessionService {
  const idleMs = rules.idleMinutes * 60_000;
  return {
    async create(trx, accountId, meta) {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await insertSession(trx, {
        id: digest(token),
        account_id: accountId,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + rules.absoluteHours * 3600_000),
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return token;
    },

    async resolve(token) {
      const id = digest(token);
      const row = await findSessionWithAccount(db, id);
      if (!row || row.ended_at) return { status: row ? 'expired' : 'none' };
      const now = clock.now();
      if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > idleMs) {
        await endSession(db, id, now);
        return { status: 'expired' };
      }
      if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) await touchSession(db, id, now);
      const { last_seen_at: _seen, expires_at: _expires, ended_at: _ended, two_factor_enabled, ...account } = row;
      const mustEnrol = mustEnrolTwoFactor(twoFactorRequired, account, Boolean(two_factor_enabled));
      return { status: 'active', session: { sessionId: id, account, mustEnrolTwoFactor: mustEnrol } };
    },

    end: (token) => endSession(db, digest(token), clock.now()),

    endAllOf: (trx, accountId, except) => endSessionsOf(trx, accountId, clock.now(), except),
  };
}
