import {
  maskPhone,
  type AccountKind,
  type ChangePasswordBody,
  type ChangePhoneBody,
  type ResetPasswordBody,
} from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError, notFound, forbidden } from '../../domain/app-error';
import type { Actor, AuditActor } from '../../domain/actor';
import { applicantUnitId } from '../applicants/applicant.repository';
import { appendAudit } from '../audit/audit.repository';
import {
  clearFailedLogins,
  findAccountById,
  findAccountByPhone,
  followContactPhone,
  phoneInUse,
  setOwnPassword,
  lockStateOf,
  setPhone,
  unlockAccount,
} from '../auth/account.repository';
import { lockStatus, mayUnlock, type LockoutRules, type Unlocker } from '../auth/lockout.policy';
import { countWrongPassword, lockedError, wrongPasswordError } from '../auth/login-guard';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import type { SessionService } from '../auth/session.service';
import type { CaptchaService } from '../captcha/captcha.service';
import type { SmsService } from '../sms/sms.service';

export interface AccountService {
  /** The phone of one's own account, as 修改手机号 shows it before the change. */
  phoneOf(actor: Actor): Promise<{ phone: string }>;
  /** 修改密码, behind a captcha; `sessionId` is the session that made the change, which stays signed in. */
  changePassword(actor: Actor, sessionId: string, body: ChangePasswordBody): Promise<void>;
  changePhone(actor: Actor, body: ChangePhoneBody): Promise<void>;
  resetPassword(visitor: AuditActor, body: ResetPasswordBody): Promise<void>;
  unlock(actor: AuditActor, unlocker: Unlocker, accountId: number): Promise<void>;
  /** Manual §1.3, §7.3: after the platform has checked the licence offline, a new phone to recover the password with. */
  setPhoneByPlatform(actor: AuditActor, accountId: number, newPhone: string, reason: string): Promise<void>;
}

export const phoneTakenError = () => new AppError('PHONE_TAKEN', '该手机号已被其他账号使用，请更换手机号');
// One's own current phone is also "in use", but saying "another account" would send the user looking for one.
export const phoneUnchangedError = () => new AppError('PHONE_UNCHANGED', '新手机号与当前手机号相同，无需修改');

/** A phone number is unique per kind of account: a parallel change that took it first answers as taken. */
async function claimingPhone(change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (uniqueViolation(error) !== null) throw phoneTakenError();
    throw error;
  }
}

export function createAccountService(
  db: Db,
  clock: Clock,
  deps: { sms: SmsService; sessions: SessionService; captcha: CaptchaService; lockout: LockoutRules },
): AccountService {
  const { sms, sessions, captcha } = deps;
  async function assertPhoneChangeable(account: { kind: AccountKind; phone: string | null }, phone: string) {
    if (account.phone === phone) throw phoneUnchangedError();
    if (await phoneInUse(db, account.kind, phone)) throw phoneTakenError();
  }
  return {
    async phoneOf(actor) {
      const account = await findAccountById(db, actor.accountId);
      return { phone: account?.phone ?? '' };
    },

    async changePassword(actor, sessionId, body) {
      await captcha.verify(body.captchaId, body.captchaCode);
      const account = await findAccountById(db, actor.accountId);
      if (!account) throw notFound();
      // A wrong old password counts like a wrong login: a borrowed session is no way round the lock.
      const status = lockStatus(lockStateOf(account), clock.now());
      if (status.state !== 'open') throw lockedError(account.kind, status, clock.now());
      if (!(await verifyPassword(account.password_hash, body.oldPassword))) {
        throw await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const target = { accountId: account.id };
          const outcome = await countWrongPassword(trx, { target, kind: account.kind, actor }, now, deps.lockout);
          await appendAudit(trx, actor, now, {
            action: 'account.password.change',
            objectType: 'account',
            objectId: account.id,
            outcome: 'failure',
            detail: { reason: 'wrongOldPassword', failedCount: outcome.failedCount },
          });
          return wrongPasswordError(account.kind, outcome, now, deps.lockout, '旧密码不正确');
        });
      }
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await setOwnPassword(trx, account.id, passwordHash, now);
        await clearFailedLogins(trx, account.id, now);
        // Anyone else holding a session of this account is signed out with the old password.
        await sessions.endAllOf(trx, account.id, sessionId);
        await appendAudit(trx, actor, now, {
          action: 'account.password.change',
          objectType: 'account',
          objectId: account.id,
        });
      });
    },

    async changePhone(actor, body) {
      const account = await findAccountById(db, actor.accountId);
      if (!account) throw notFound();
      if (account.phone === body.newPhone) throw phoneUnchangedError();
      const codeId = await sms.checkThen(body.newPhone, 'changePhone', body.smsCode, () =>
        assertPhoneChangeable(account, body.newPhone),
      );
      await claimingPhone(() =>
        db.transaction().execute(async (trx) => {
          const now = clock.now();
          await sms.consume(trx, codeId);
          await setPhone(trx, account.id, body.newPhone, now);
          await followContactPhone(trx, account.id, account.phone, body.newPhone, now);
          await appendAudit(trx, actor, now, {
            action: 'account.phone.change',
            objectType: 'account',
            objectId: account.id,
            detail: { from: account.phone ? maskPhone(account.phone) : null, to: maskPhone(body.newPhone) },
          });
        }),
      );
    },

    async resetPassword(visitor, body) {
      let account: AccountRow | undefined;
      const codeId = await sms.checkThen(body.phone, 'resetPassword', body.smsCode, async () => {
        account = await findAccountByPhone(db, body.kind, body.phone);
        if (!account) throw new AppError('NOT_FOUND', '该手机号没有注册账号，请核对注册时填写的手机号');
      });
      const { id: accountId } = account!;
      const passwordHash = await hashPassword(body.password);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await sms.consume(trx, codeId);
        // A reset proves the phone, not a right to skip the lock: a locked account stays locked.
        await setOwnPassword(trx, accountId, passwordHash, now);
        await sessions.endAllOf(trx, accountId);
        await appendAudit(trx, { ...visitor, accountId: visitor.accountId ?? accountId }, now, {
          action: 'account.password.reset',
          objectType: 'account',
          objectId: accountId,
          detail: { phone: maskPhone(body.phone) },
        });
      });
    },

    async setPhoneByPlatform(actor, accountId, newPhone, reason) {
      const target = await findAccountById(db, accountId);
      if (!target) throw notFound('账号不存在');
      await assertPhoneChangeable(target, newPhone);
      await claimingPhone(() =>
        db.transaction().execute(async (trx) => {
          const now = clock.now();
          await setPhone(trx, target.id, newPhone, now);
          await followContactPhone(trx, target.id, target.phone, newPhone, now);
          // Whoever holds the old phone or a session of it is out.
          await sessions.endAllOf(trx, target.id);
          await appendAudit(trx, actor, now, {
            action: 'account.phone.setByPlatform',
            objectType: 'account',
            objectId: target.id,
            detail: { from: target.phone ? maskPhone(target.phone) : null, to: maskPhone(newPhone), reason },
          });
        }),
      );
    },

    async unlock(actor, unlocker, accountId) {
      const target = await findAccountById(db, accountId);
      if (!target) throw notFound('账号不存在');
      const targetUnitId = target.kind === 'applicant' ? await applicantUnitId(db, target.id) : null;
      if (!mayUnlock(unlocker, target, targetUnitId)) {
        // A unit asking about someone else's person learns nothing about them.
        throw unlocker.kind === 'unit' ? notFound('账号不存在') : forbidden('没有权限解锁该账号');
      }
      if (lockStatus(lockStateOf(target), clock.now()).state === 'open') {
        throw new AppError('RULE_VIOLATED', '该账号未被锁定');
      }
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await unlockAccount(trx, target.id, now);
        await appendAudit(trx, actor, now, {
          action: 'account.unlock',
          objectType: 'account',
          objectId: target.id,
          detail: { kind: target.kind },
        });
      });
    },
  };
}
