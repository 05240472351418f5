import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { SmsPurpose } from '#common';
import { startOfBeijingDay, type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/database';
import { AppError } from '../../domain/app-error';
import type { SmsProvider } from './sms.provider';
import {
  codesSentSince,
  deleteCode,
  findLiveCode,
  insertCode,
  lastCodeSentTo,
  lockSender,
  markCodeUsed,
  recentOutboxMessages,
  returnAttempt,
  takeAttempt,
} from './sms.repository';

export interface SmsService {
  /** Sends a new code, within the limits of manual §1.2 (60 s apart, 3 a day per phone) and a day's cap per address. */
  sendCode(
    phone: string,
    purpose: SmsPurpose,
    ip: string,
  ): Promise<{ resendAfterSeconds: number; remainingToday: number }>;
  /**
   * Checks a code without using it up; a wrong code counts against its tries at once (not in the
   * caller's transaction, which a wrong code rolls back). Returns the code's id for `consume`.
   */
  check(phone: string, purpose: SmsPurpose, code: string): Promise<number>;
  /**
   * Checks a code, then runs `revealing`: a check whose refusal tells whether an account exists (该手机号
   * 已注册, 该统一社会信用代码已注册). Only the phone's holder gets that far, and a refusal uses the code up,
   * so each code buys one such answer.
   */
  checkThen(phone: string, purpose: SmsPurpose, code: string, revealing: () => Promise<void>): Promise<number>;
  /** Marks a checked code used, inside the transaction of the change it authorises. */
  consume(trx: Executor, codeId: number): Promise<void>;
  /** The development outbox of the console provider (newest first). */
  outbox(phone: string | undefined): Promise<{ items: { phone: string; content: string; sentAt: string }[] }>;
}

const hashCode = (phone: string, purpose: SmsPurpose, code: string) =>
  createHash('sha256').update(`${phone}:${purpose}:${code}`).digest('hex');

export function createSmsService(db: Db, clock: Clock, provider: SmsProvider, rules: Config['smsRules']): SmsService {
  return {
    async sendCode(phone, purpose, ip) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = clock.now();
      const { id, remainingToday } = await db.transaction().execute(async (trx) => {
        // Serialises concurrent sends to one phone, so two quick clicks cannot both pass the limits.
        await lockSender(trx, phone, ip);
        const last = await lastCodeSentTo(trx, phone);
        if (last) {
          const waited = (now.getTime() - last.created_at.getTime()) / 1000;
          if (waited < rules.resendSeconds) {
            const wait = Math.ceil(rules.resendSeconds - waited);
            throw new AppError('SMS_TOO_FREQUENT', `验证码发送过于频繁，请 ${wait} 秒后再试`, {
              retryAfterSeconds: wait,
            });
          }
        }
        const sentToday = await codesSentSince(trx, { phone }, startOfBeijingDay(now));
        if (sentToday >= rules.dailyLimit) {
          throw new AppError('SMS_DAILY_LIMIT', `同一手机号每天仅有 ${rules.dailyLimit} 次获取验证码的机会`);
        }
        if ((await codesSentSince(trx, { ip }, startOfBeijingDay(now))) >= rules.dailyLimitPerIp) {
          throw new AppError('SMS_DAILY_LIMIT', '当前网络今日获取验证码的次数已达上限，请明天再试');
        }
        const codeId = await insertCode(trx, {
          phone,
          purpose,
          codeHash: hashCode(phone, purpose, code),
          createdAt: now,
          expiresAt: new Date(now.getTime() + rules.codeTtlMinutes * 60_000),
          ip,
        });
        return { id: codeId, remainingToday: rules.dailyLimit - sentToday - 1 };
      });
      try {
        await provider.sendCode(phone, code, rules.codeTtlMinutes);
      } catch (error) {
        // A code that never reached the phone must not use up one of the day's three chances.
        await deleteCode(db, id);
        throw Object.assign(new AppError('UNAVAILABLE', '短信发送失败，请稍后重试'), { cause: error });
      }
      return { resendAfterSeconds: rules.resendSeconds, remainingToday };
    },

    async check(phone, purpose, code) {
      const row = await findLiveCode(db, phone, purpose, clock.now());
      if (!row) throw new AppError('SMS_CODE_INVALID', '短信验证码已失效或未获取，请重新获取');
      const tries = await takeAttempt(db, row.id, rules.maxAttempts);
      if (tries === null) throw new AppError('SMS_CODE_INVALID', '短信验证码错误次数过多，请重新获取');
      const expected = Buffer.from(row.code_hash, 'hex');
      const given = Buffer.from(hashCode(phone, purpose, code), 'hex');
      if (!timingSafeEqual(expected, given)) {
        const left = rules.maxAttempts - tries;
        throw new AppError(
          'SMS_CODE_INVALID',
          left > 0 ? `短信验证码不正确，还可以再试 ${left} 次` : '短信验证码错误次数过多，请重新获取',
        );
      }
      await returnAttempt(db, row.id);
      return row.id;
    },

    async checkThen(phone, purpose, code, revealing) {
      const codeId = await this.check(phone, purpose, code);
      try {
        await revealing();
      } catch (error) {
        await markCodeUsed(db, codeId, clock.now());
        throw error;
      }
      return codeId;
    },

    async consume(trx, codeId) {
      if (!(await markCodeUsed(trx, codeId, clock.now()))) {
        throw new AppError('SMS_CODE_INVALID', '短信验证码已使用，请重新获取');
      }
    },

    async outbox(phone) {
      const rows = await recentOutboxMessages(db, phone);
      return { items: rows.map((r) => ({ phone: r.phone, content: r.content, sentAt: r.created_at.toISOString() })) };
    },
  };
}
