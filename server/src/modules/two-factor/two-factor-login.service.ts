import type { TwoFactorLoginBody } from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { AppError } from '../../domain/app-error';
import type { AuditActor } from '../../domain/actor';
import { appendAudit } from '../audit/audit.repository';
import { clearFailedLogins, findAccountById, lockStateOf } from '../auth/account.repository';
import { presentAccount } from '../auth/auth.presenter';
import type { LoginResult } from '../auth/auth.service';
import { challengeDigest } from './login-challenge';
import { lockStatus, type LockoutRules } from '../auth/lockout.policy';
import { countWrongPassword, lockedError, wrongPasswordError } from '../auth/login-guard';
import type { SessionService } from '../auth/session.service';
import { checkTotp, recoveryCodeMatches } from './totp';
import {
  findLoginChallenge,
  readTwoFactorSecret,
  spendRecoveryCode,
  spendTotpStep,
  twoFactorOf,
  unusedRecoveryCodes,
  useLoginChallenge,
} from './two-factor.repository';

export interface TwoFactorLoginService {
  /** The second step of a login: a code of the authenticator or a recovery code, then the session. */
  complete(visitor: AuditActor, body: TwoFactorLoginBody, userAgent: string | null): Promise<LoginResult>;
}

const expiredError = () => new AppError('LOGIN_STEP_EXPIRED', '登录验证已过期，请重新输入密码登录');

/** What the code matched: a step of the authenticator, or one recovery code. */
type Match = { method: 'totp'; step: number } | { method: 'recoveryCode'; id: number; left: number };

/** The lock found when the session was about to be made: a parallel wrong try locked the account. */
class LockedMeanwhile extends Error {}

/** Counts a wrong code like a wrong password (the same run of five, the same lock) and audits it. */
export async function countWrongCode(
  trx: Executor,
  who: { account: Pick<AccountRow, 'id' | 'kind'>; actor: AuditActor },
  now: Date,
  lockout: LockoutRules,
  audit: { action: string; reason: string; wording: string },
): Promise<AppError> {
  const { account, actor } = who;
  const target = { accountId: account.id };
  const outcome = await countWrongPassword(trx, { target, kind: account.kind, actor }, now, lockout);
  await appendAudit(trx, actor, now, {
    action: audit.action,
    objectType: 'account',
    objectId: account.id,
    outcome: 'failure',
    detail: { reason: audit.reason, failedCount: outcome.failedCount },
  });
  return wrongPasswordError(account.kind, outcome, now, lockout, audit.wording);
}

export function createTwoFactorLoginService(
  db: Db,
  clock: Clock,
  deps: { sessions: SessionService; lockout: LockoutRules },
): TwoFactorLoginService {
  async function match(account: AccountRow, code: string): Promise<Match | null> {
    if (/^\d{6}$/.test(code)) {
      const [secret, state] = await Promise.all([readTwoFactorSecret(db, account.id), twoFactorOf(db, account.id)]);
      if (!secret || !state) return null;
      const checked = await checkTotp(secret, code, clock.now(), state.lastUsedStep);
      return checked.valid ? { method: 'totp', step: checked.step } : null;
    }
    const codes = await unusedRecoveryCodes(db, account.id);
    const found = codes.find((c) => recoveryCodeMatches(c, code));
    return found ? { method: 'recoveryCode', id: found.id, left: codes.length - 1 } : null;
  }

  const wrong = (account: AccountRow, actor: AuditActor, reason: string) =>
    db.transaction().execute((trx) =>
      countWrongCode(trx, { account, actor }, clock.now(), deps.lockout, {
        action: 'auth.twoFactor',
        reason,
        wording: '验证码错误',
      }),
    );

  return {
    async complete(visitor, body, userAgent) {
      const id = challengeDigest(body.challengeId);
      const challenge = await findLoginChallenge(db, id);
      const account = challenge ? await findAccountById(db, challenge.account_id) : undefined;
      const refused = async (actor: AuditActor, reason: string) =>
        appendAudit(db, actor, clock.now(), {
          action: 'auth.twoFactor',
          objectType: 'account',
          objectId: account?.id,
          outcome: 'failure',
          detail: { reason },
        });
      if (!challenge || !account) {
        await refused(visitor, 'unknownChallenge');
        throw expiredError();
      }
      const actor: AuditActor = { accountId: account.id, kind: account.kind, ip: visitor.ip };
      if (challenge.used_at !== null || challenge.expires_at <= clock.now()) {
        await refused(actor, challenge.used_at ? 'challengeUsed' : 'challengeExpired');
        throw expiredError();
      }
      const status = lockStatus(lockStateOf(account), clock.now());
      if (status.state !== 'open') {
        await refused(actor, 'locked');
        throw lockedError(account.kind, status, clock.now());
      }
      // Reset by the platform since the password: the password alone is what the account now asks for.
      if (!(await twoFactorOf(db, account.id))?.enabledAt) {
        await refused(actor, 'twoFactorRemoved');
        throw expiredError();
      }

      const found = await match(account, body.code);
      if (!found) throw await wrong(account, actor, 'wrongCode');

      let token: string | 'replayed';
      try {
        token = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          // A parallel request with the same code (or recovery code) got there first.
          const spent =
            found.method === 'totp'
              ? await spendTotpStep(trx, account.id, found.step, now)
              : await spendRecoveryCode(trx, found.id, now);
          if (!spent) return 'replayed' as const;
          if (!(await useLoginChallenge(trx, id, now))) throw expiredError();
          if (!(await clearFailedLogins(trx, account.id, now))) throw new LockedMeanwhile();
          const created = await deps.sessions.create(trx, account.id, { ip: visitor.ip, userAgent });
          const detail =
            found.method === 'totp'
              ? { method: found.method }
              : { method: found.method, recoveryCodesLeft: found.left };
          await appendAudit(trx, actor, now, {
            action: 'auth.twoFactor',
            objectType: 'account',
            objectId: account.id,
            detail,
          });
          await appendAudit(trx, actor, now, {
            action: 'auth.login',
            objectType: 'account',
            objectId: account.id,
            detail: { secondFactor: found.method },
          });
          return created;
        });
      } catch (error) {
        if (!(error instanceof LockedMeanwhile)) throw error;
        const now = clock.now();
        const locked = lockStatus(lockStateOf((await findAccountById(db, account.id))!), now);
        throw lockedError(account.kind, locked.state === 'open' ? { state: 'held' } : locked, now);
      }
      if (token === 'replayed') throw await wrong(account, actor, 'codeUsed');
      return { token, account: presentAccount(account) };
    },
  };
}
