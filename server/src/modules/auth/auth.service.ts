import type { AccountKind } from '#common';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { AppError } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { findAccountForLogin } from './account.repository';
import { lockedMessage, unlockAuthority } from './lockout.policy';
import { burnPasswordCheck, verifyPassword } from './password-hasher';
import type { SessionService } from './session.service';

export interface LoginResult {
  token: string;
  account: AccountRow;
}

export interface AuthService {
  login(
    kind: AccountKind,
    username: string,
    password: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<LoginResult>;
  /** The unit an applicant belongs to decides who unlocks them. */
  applicantUnitId(db: Db, accountId: number): Promise<number | null>;
}

export function createAuthService(
  db: Db,
  clock: Clock,
  sessions: SessionService,
  lockout: Config['lockout'],
): AuthService {
  const service: AuthService = {
    async applicantUnitId(trx, accountId) {
      const row = await trx
        .selectFrom('applicant')
        .select('unit_id')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return row?.unit_id ?? null;
    },

    async login(kind, username, password, meta) {
      const actor: AuditActor = { accountId: null, kind: 'anonymous', ip: meta.ip };
      const account = await findAccountForLogin(db, kind, username);
      if (!account) {
        await burnPasswordCheck(password);
        await appendAudit(db, actor, clock.now(), {
          action: 'auth.login',
          objectType: 'account',
          outcome: 'failure',
          detail: { kind, reason: 'unknownAccount' },
        });
        throw new AppError('CREDENTIALS_INVALID', '用户名或密码错误');
      }
      const accountActor: AuditActor = { accountId: account.id, kind: account.kind, ip: meta.ip };
      const refuseLocked = async () => {
        await appendAudit(db, accountActor, clock.now(), {
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
          outcome: 'failure',
          detail: { reason: 'locked' },
        });
        const authority = unlockAuthority(account.kind, await service.applicantUnitId(db, account.id));
        return new AppError('ACCOUNT_LOCKED', lockedMessage(authority), { unlockBy: authority });
      };
      if (account.locked_at) throw await refuseLocked();

      if (!(await verifyPassword(account.password_hash, password))) {
        // Counted atomically, so that parallel guesses cannot slip past the limit.
        const outcome = await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const updated = await trx
            .updateTable('account')
            .set((eb) => ({
              failed_login_count: eb('failed_login_count', '+', 1),
              locked_at: eb
                .case()
                .when('failed_login_count', '>=', lockout.maxFailures - 1)
                .then(now)
                .else(eb.ref('locked_at'))
                .end(),
              updated_at: now,
            }))
            .where('id', '=', account.id)
            .returning(['failed_login_count', 'locked_at'])
            .executeTakeFirstOrThrow();
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
          const authority = unlockAuthority(account.kind, await service.applicantUnitId(db, account.id));
          throw new AppError('ACCOUNT_LOCKED', `密码连续输错 ${lockout.maxFailures} 次，${lockedMessage(authority)}`, {
            unlockBy: authority,
          });
        }
        const left = lockout.maxFailures - outcome.failed_login_count;
        throw new AppError('CREDENTIALS_INVALID', `用户名或密码错误，再输错 ${left} 次账号将被锁定`, {
          attemptsLeft: left,
        });
      }

      const result = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const reset = await trx
          .updateTable('account')
          .set({ failed_login_count: 0, updated_at: now })
          .where('id', '=', account.id)
          .where('locked_at', 'is', null)
          .executeTakeFirst();
        if (Number(reset.numUpdatedRows) !== 1) return null;
        const token = await sessions.create(trx, account.id, meta);
        await appendAudit(trx, accountActor, now, {
          action: 'auth.login',
          objectType: 'account',
          objectId: account.id,
        });
        return token;
      });
      // Locked by a parallel wrong guess between our check and now.
      if (result === null) throw await refuseLocked();
      return { token: result, account };
    },
  };
  return service;
}
