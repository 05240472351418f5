import { randomBytes } from 'node:crypto';
import type { AccountKind, SessionAccount, SessionInfo, TwoFactorChallenge } from '#common';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/database';
import type { AuditActor } from '../../domain/actor';
import { appendAudit } from '../audit/audit.repository';
import type { CaptchaService } from '../captcha/captcha.service';
import { demoLoginCredentials } from '../demo/demo.repository';
import { clearFailedLogins, findAccountById, findAccountForLogin, lockStateOf } from './account.repository';
import { presentAccount } from './auth.presenter';
import { lockStatus, unlockedState } from './lockout.policy';
import { countWrongPassword, lockedError, unknownNameKey, wrongPasswordError } from './login-guard';
import { forgetIdleUnknownLogins, unknownLoginState, type LoginTarget } from './login-guard.repository';
import { challengeDigest, challengeMinutes } from '../two-factor/login-challenge';
import { insertLoginChallenge, twoFactorEnabled } from '../two-factor/two-factor.repository';
import { burnPasswordCheck, verifyPassword } from './password-hasher';
import { mustEnrolTwoFactor, type ResolvedSession, type SessionService } from './session.service';

export interface LoginInput {
  kind: AccountKind;
  username: string;
  password: string;
  captchaId: string;
  captchaCode: string;
}

/** Signed in, or (for an account with 两步验证) a challenge the second step answers. */
export type LoginResult = { token: string; account: SessionAccount } | { token: null; challenge: TwoFactorChallenge };

export interface AuthService {
  /**
   * Checks the captcha (one try per image), then the password, within the lockout rules of manual §1.4
   * and the temporary locks of `LockoutRules`.
   */
  login(visitor: AuditActor, input: LoginInput, userAgent: string | null): Promise<LoginResult>;
  /** What the page learns of its session on loading: who is signed in, and the demo accounts in demo mode. */
  describeSession(
    session: ResolvedSession | null,
    state: 'active' | 'expired' | 'none',
  ): Promise<Omit<SessionInfo, 'csrfToken'>>;
}

export function createAuthService(
  db: Db,
  clock: Clock,
  deps: {
    sessions: SessionService;
    captcha: CaptchaService;
    lockout: Config['lockout'];
    demoData: boolean;
    twoFactorRequired: readonly AccountKind[];
    smsDailyLimit: number;
  },
): AuthService {
  const { sessions, captcha, lockout } = deps;
  return {
    async describeSession(session, state) {
      return {
        account: session ? presentAccount(session.account, session.mustEnrolTwoFactor) : null,
        sessionExpired: state === 'expired',
        smsDailyLimit: deps.smsDailyLimit,
        demo: deps.demoData ? { credentials: await demoLoginCredentials(db) } : null,
      };
    },

    async login(visitor, input, userAgent) {
      await captcha.verify(input.captchaId, input.captchaCode);
      const { kind, username, password } = input;
      const account = await findAccountForLogin(db, kind, username);
      // A name without an account is counted and locked like one, and its password is hashed all the
      // same: neither the words nor the time of the answer tell whether the name exists.
      const nameKey = account ? null : unknownNameKey(db, kind, username);
      const target: LoginTarget = nameKey === null ? { accountId: account!.id } : { nameKey };
      const actor: AuditActor = account ? { accountId: account.id, kind: account.kind, ip: visitor.ip } : visitor;
      const audited = (executor: Executor, now: Date, detail: Record<string, unknown>) =>
        appendAudit(executor, actor, now, {
          action: 'auth.login',
          objectType: 'account',
          objectId: account?.id,
          outcome: 'failure',
          detail: account ? detail : { kind, unknownAccount: true, ...detail },
        });

      const stored = nameKey === null ? lockStateOf(account!) : await unknownLoginState(db, nameKey);
      const status = lockStatus(stored ?? unlockedState, clock.now());
      if (status.state !== 'open') {
        await audited(db, clock.now(), { reason: 'locked' });
        throw lockedError(kind, status, clock.now());
      }

      const passwordGood = account
        ? await verifyPassword(account.password_hash, password)
        : await burnPasswordCheck(password).then(() => false);
      if (!account || !passwordGood) {
        const error = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          if (!account) await forgetIdleUnknownLogins(trx, new Date(now.getTime() - 24 * 3600_000));
          const outcome = await countWrongPassword(trx, { target, kind, actor }, now, lockout);
          await audited(trx, now, { reason: 'wrongPassword', failedCount: outcome.failedCount });
          return wrongPasswordError(kind, outcome, now, lockout);
        });
        throw error;
      }

      if (await twoFactorEnabled(db, account.id)) {
        // No session yet, and the run of wrong tries goes on: a wrong code counts like a wrong password,
        // and only the whole login ends the run, so a known password is no way to try codes without end.
        const challengeId = randomBytes(32).toString('base64url');
        const expiresAt = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const expires = new Date(now.getTime() + challengeMinutes * 60_000);
          await insertLoginChallenge(trx, {
            id: challengeDigest(challengeId),
            accountId: account.id,
            createdAt: now,
            expiresAt: expires,
          });
          await appendAudit(trx, actor, now, {
            action: 'auth.login.password',
            objectType: 'account',
            objectId: account.id,
            detail: { twoFactorRequired: true },
          });
          return expires;
        });
        return {
          token: null,
          challenge: { twoFactorRequired: true, challengeId, expiresAt: expiresAt.toISOString() },
        };
      }

      const token = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await clearFailedLogins(trx, account.id, now))) return null;
        const created = await sessions.create(trx, account.id, { ip: visitor.ip, userAgent });
        await appendAudit(trx, actor, now, {
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
        });
        return created;
      });
      // Locked by a parallel wrong guess between our check and now.
      if (token === null) {
        const now = clock.now();
        const locked = lockStatus(lockStateOf((await findAccountById(db, account.id))!), now);
        throw lockedError(kind, locked.state === 'open' ? { state: 'held' } : locked, now);
      }
      return {
        token,
        account: presentAccount(account, mustEnrolTwoFactor(deps.twoFactorRequired, account, false)),
      };
    },
  };
}
