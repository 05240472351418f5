import type { AccountKind, SessionAccount, SessionInfo } from '#common';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { AppError } from '../../domain/app-error';
import type { AuditActor } from '../../domain/actor';
import { applicantUnitId } from '../applicants/applicant.repository';
import { appendAudit } from '../audit/audit.repository';
import type { CaptchaService } from '../captcha/captcha.service';
import { demoLoginCredentials } from '../demo/demo.repository';
import { clearFailedLogins, countFailedLogin, findAccountForLogin } from './account.repository';
import { presentAccount } from './auth.presenter';
import { lockedMessage, unlockAuthority } from './lockout.policy';
import { burnPasswordCheck, verifyPassword } from './password-hasher';
import type { SessionService } from './session.service';

export interface LoginInput {
  kind: AccountKind;
  username: string;
  password: string;
  captchaId: string;
  captchaCode: string;
}

export interface LoginResult {
  token: string;
  account: SessionAccount;
}

export interface AuthService {
  /** Checks the captcha (one try per image), then the password, within the lockout rules of manual §1.4. */
  login(visitor: AuditActor, input: LoginInput, userAgent: string | null): Promise<LoginResult>;
  /** What the page learns of its session on loading: who is signed in, and the demo accounts in demo mode. */
  describeSession(
    account: AccountRow | null,
    state: 'active' | 'expired' | 'none',
  ): Promise<Omit<SessionInfo, 'csrfToken'>>;
}

export function createAuthService(
  db: Db,
  clock: Clock,
  deps: { sessions: SessionService; captcha: CaptchaService; lockout: Config['lockout']; demoData: boolean },
): AuthService {
  const { sessions, captcha, lockout } = deps;
  return {
    async describeSession(account, state) {
      return {
        account: account ? presentAccount(account) : null,
        sessionExpired: state === 'expired',
        demo: deps.demoData ? { credentials: await demoLoginCredentials(db) } : null,
      };
    },

    async login(visitor, input, userAgent) {
      await captcha.verify(input.captchaId, input.captchaCode);
      const { kind, username, password } = input;
      const account = await findAccountForLogin(db, kind, username);
      if (!account) {
        await burnPasswordCheck(password);
        await appendAudit(db, visitor, clock.now(), {
          action: 'auth.login',
          objectType: 'account',
          outcome: 'failure',
          detail: { kind, reason: 'unknownAccount' },
        });
        throw new AppError('CREDENTIALS_INVALID', '用户名或密码错误');
      }
      const accountActor: AuditActor = { accountId: account.id, kind: account.kind, ip: visitor.ip };
      const refuseLocked = async () => {
        await appendAudit(db, accountActor, clock.now(), {
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
          outcome: 'failure',
          detail: { reason: 'locked' },
        });
        const authority = unlockAuthority(account.kind, await applicantUnitId(db, account.id));
        return new AppError('ACCOUNT_LOCKED', lockedMessage(authority), { unlockBy: authority });
      };
      if (account.locked_at) throw await refuseLocked();

      if (!(await verifyPassword(account.password_hash, password))) {
        const outcome = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const updated = await countFailedLogin(trx, account.id, now, lockout.maxFailures);
          await appendAudit(trx, accountActor, now, {
            action: 'auth.login',
            objectType: 'account',
            objectId: account.id,
            outcome: 'failure',
            detail: { reason: 'wrongPassword', failedCount: updated.failed_login_count },
          });
          const justLocked = updated.locked_at !== null && updated.failed_login_count === lockout.maxFailures;
          if (justLocked) {
            await appendAudit(trx, accountActor, now, {
              action: 'account.lock',
              objectType: 'account',
              objectId: account.id,
              detail: { reason: 'tooManyWrongPasswords', failedCount: updated.failed_login_count },
            });
          }
          return updated;
        });
        if (outcome.locked_at) {
          const authority = unlockAuthority(account.kind, await applicantUnitId(db, account.id));
          throw new AppError('ACCOUNT_LOCKED', `密码连续输错 ${lockout.maxFailures} 次，${lockedMessage(authority)}`, {
            unlockBy: authority,
          });
        }
        const left = lockout.maxFailures - outcome.failed_login_count;
        throw new AppError('CREDENTIALS_INVALID', `用户名或密码错误，再输错 ${left} 次账号将被锁定`, {
          attemptsLeft: left,
        });
      }

      const token = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await clearFailedLogins(trx, account.id, now))) return null;
        const created = await sessions.create(trx, account.id, { ip: visitor.ip, userAgent });
        await appendAudit(trx, accountActor, now, {
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
        });
        return created;
      });
      // Locked by a parallel wrong guess between our check and now.
      if (token === null) throw await refuseLocked();
      return { token, account: presentAccount(account) };
    },
  };
}
