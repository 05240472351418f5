import type {
  TwoFactorConfirmBody,
  TwoFactorDisableBody,
  TwoFactorKind,
  TwoFactorSetup,
  TwoFactorStatus,
} from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { AppError, notFound } from '../../domain/app-error';
import type { AdminActor, ExpertActor, ReviewerActor } from '../../domain/actor';
import { appendAudit } from '../audit/audit.repository';
import { findAccountById, lockStateOf } from '../auth/account.repository';
import { lockStatus, type LockoutRules } from '../auth/lockout.policy';
import { lockedError } from '../auth/login-guard';
import { verifyPassword } from '../auth/password-hasher';
import type { SessionService } from '../auth/session.service';
import { findReviewer } from '../organisations/reviewer.repository';
import { countWrongCode } from './two-factor-login.service';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, qrDataUrl } from './totp';
import {
  enableTwoFactor,
  readTwoFactorSecret,
  removeTwoFactor,
  replaceRecoveryCodes,
  spendTotpStep,
  twoFactorOf,
  unusedRecoveryCodes,
  writePendingTwoFactorSecret,
} from './two-factor.repository';

/** The owner of an admin or reviewer account, about its own 两步验证. */
type Owner = AdminActor | ReviewerActor | ExpertActor;

export interface TwoFactorService {
  status(actor: Owner): Promise<TwoFactorStatus>;
  /** A new secret to scan; it takes effect only when confirmed with a code. */
  setup(actor: Owner): Promise<TwoFactorSetup>;
  /** Turns it on with a code of the new secret; answers the recovery codes, shown this once. */
  confirm(actor: Owner, body: TwoFactorConfirmBody): Promise<string[]>;
  /** Turns it off: the password and a current code, each counted like a login when wrong. */
  disable(actor: Owner, body: TwoFactorDisableBody): Promise<void>;
  /** The platform removes a reviewer's second factor (a lost phone); the reviewer's sessions end. */
  resetReviewer(actor: AdminActor, accountId: number): Promise<void>;
}

const alreadyOn = () => new AppError('RULE_VIOLATED', '两步验证已开启；如需更换手机，请先关闭两步验证后重新设置');

export function createTwoFactorService(
  db: Db,
  clock: Clock,
  deps: { sessions: SessionService; lockout: LockoutRules; required: readonly TwoFactorKind[] },
): TwoFactorService {
  const audit = (actor: Owner | AdminActor, action: string, outcome: 'success' | 'failure', detail = {}) =>
    appendAudit(db, actor, clock.now(), { action, objectType: 'account', objectId: actor.accountId, outcome, detail });

  async function ownAccount(actor: Owner) {
    const account = await findAccountById(db, actor.accountId);
    if (!account) throw notFound();
    return account;
  }

  return {
    async status(actor) {
      const state = await twoFactorOf(db, actor.accountId);
      const enabled = state?.enabledAt != null;
      return {
        enabled,
        required: deps.required.includes(actor.kind),
        enabledAt: enabled ? state!.enabledAt!.toISOString() : null,
        recoveryCodesLeft: enabled ? (await unusedRecoveryCodes(db, actor.accountId)).length : 0,
      };
    },

    async setup(actor) {
      const account = await ownAccount(actor);
      if ((await twoFactorOf(db, account.id))?.enabledAt) throw alreadyOn();
      const secret = newTotpSecret();
      const written = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await writePendingTwoFactorSecret(trx, account.id, secret, now))) return false;
        await appendAudit(trx, actor, now, {
          action: 'account.twoFactor.setup',
          objectType: 'account',
          objectId: account.id,
        });
        return true;
      });
      if (!written) throw alreadyOn();
      const uri = otpauthUri(account.login_name, secret);
      return { secret, otpauthUri: uri, qrDataUrl: await qrDataUrl(uri) };
    },

    async confirm(actor, body) {
      const state = await twoFactorOf(db, actor.accountId);
      if (state?.enabledAt) throw alreadyOn();
      const secret = await readTwoFactorSecret(db, actor.accountId);
      if (!state || !secret) throw new AppError('RULE_VIOLATED', '请先点击“开始设置”生成二维码');
      const checked = await checkTotp(secret, body.code, clock.now(), null);
      if (!checked.valid) {
        await audit(actor, 'account.twoFactor.enable', 'failure', { reason: 'wrongCode' });
        throw new AppError('RULE_VIOLATED', '验证码不正确：请输入验证器中本系统当前显示的6位数字，并确认手机时间准确');
      }
      const codes = newRecoveryCodes();
      const hashes = codes.map(hashRecoveryCode);
      const enabled = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await enableTwoFactor(trx, actor.accountId, checked.step, now))) return false;
        await replaceRecoveryCodes(trx, actor.accountId, hashes, now);
        await appendAudit(trx, actor, now, {
          action: 'account.twoFactor.enable',
          objectType: 'account',
          objectId: actor.accountId,
          detail: { recoveryCodes: codes.length },
        });
        return true;
      });
      if (!enabled) throw alreadyOn();
      return codes;
    },

    async disable(actor, body) {
      const account = await ownAccount(actor);
      const state = await twoFactorOf(db, account.id);
      const secret = await readTwoFactorSecret(db, account.id);
      if (!state?.enabledAt || !secret) throw new AppError('RULE_VIOLATED', '两步验证未开启');
      const status = lockStatus(lockStateOf(account), clock.now());
      if (status.state !== 'open') throw lockedError(account.kind, status, clock.now());
      const wrong = (reason: string, wording: string) =>
        db.transaction().execute((trx) =>
          countWrongCode(trx, { account, actor }, clock.now(), deps.lockout, {
            action: 'account.twoFactor.disable',
            reason,
            wording,
          }),
        );
      if (!(await verifyPassword(account.password_hash, body.password))) {
        throw await wrong('wrongPassword', '登录密码不正确');
      }
      const checked = await checkTotp(secret, body.code, clock.now(), state.lastUsedStep);
      if (!checked.valid) throw await wrong('wrongCode', '验证码错误');
      const done = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await spendTotpStep(trx, account.id, checked.step, now))) return false;
        await removeTwoFactor(trx, account.id);
        await appendAudit(trx, actor, now, {
          action: 'account.twoFactor.disable',
          objectType: 'account',
          objectId: account.id,
        });
        return true;
      });
      if (!done) throw await wrong('codeUsed', '验证码错误');
    },

    async resetReviewer(actor, accountId) {
      if (!(await findReviewer(db, accountId))) throw notFound('审核用户不存在');
      const removed = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await removeTwoFactor(trx, accountId))) return false;
        // Whoever holds the lost phone may also hold a session: it ends with the second factor.
        await deps.sessions.endAllOf(trx, accountId);
        await appendAudit(trx, actor, now, {
          action: 'account.twoFactor.reset',
          objectType: 'account',
          objectId: accountId,
          detail: { kind: 'reviewer' },
        });
        return true;
      });
      if (!removed) throw new AppError('RULE_VIOLATED', '该审核用户未开启两步验证');
    },
  };
}
