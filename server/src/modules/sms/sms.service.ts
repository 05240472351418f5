import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { SmsPurpose } from '#common';
import { startOfBeijingDay, type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { AppError } from '../../domain/app-error';
import type { SmsProvider } from './sms.provider';

export interface SmsService {
  /** Sends a new code, within the limits of manual §1.2: 60 s apart, 3 a day per phone. */
  sendCode(phone: string, purpose: SmsPurpose): Promise<{ resendAfterSeconds: number; remainingToday: number }>;
  /**
   * Checks a code without using it up; a wrong code counts against its tries at once (not in the
   * caller's transaction, which a wrong code rolls back). Returns the code's id for `consume`.
   */
  check(phone: string, purpose: SmsPurpose, code: string): Promise<number>;
  /** Marks a checked code used, inside the transaction of the change it authorises. */
  consume(trx: Db, codeId: number): Promise<void>;
}

const hashCode = (phone: string, purpose: SmsPurpose, code: string) =>
  createHash('sha256').update(`${phone}:${purpose}:${code}`).digest('hex');

export function createSmsService(db: Db, clock: Clock, provider: SmsProvider, rules: Config['smsRules']): SmsService {
  return {
    async sendCode(phone, purpose) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = clock.now();
      const { id, remainingToday } = await db.transaction().execute(async (trx) => {
        // Serialises concurrent sends to one phone, so two quick clicks cannot both pass the limits.
        await sql`select pg_advisory_xact_lock(hashtext(${`sms:${phone}`}))`.execute(trx);
        const last = await trx
          .selectFrom('sms_code')
          .select('created_at')
          .where('phone', '=', phone)
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (last) {
          const waited = (now.getTime() - last.created_at.getTime()) / 1000;
          if (waited < rules.resendSeconds) {
            const wait = Math.ceil(rules.resendSeconds - waited);
            throw new AppError('SMS_TOO_FREQUENT', `验证码发送过于频繁，请 ${wait} 秒后再试`, {
              retryAfterSeconds: wait,
            });
          }
        }
        const { sentToday } = await trx
          .selectFrom('sms_code')
          .select((eb) => eb.fn.countAll<number>().as('sentToday'))
          .where('phone', '=', phone)
          .where('created_at', '>=', startOfBeijingDay(now))
          .executeTakeFirstOrThrow();
        if (Number(sentToday) >= rules.dailyLimit) {
          throw new AppError('SMS_DAILY_LIMIT', `同一手机号每天仅有 ${rules.dailyLimit} 次获取验证码的机会`);
        }
        const row = await trx
          .insertInto('sms_code')
          .values({
            phone,
            purpose,
            code_hash: hashCode(phone, purpose, code),
            created_at: now,
            expires_at: new Date(now.getTime() + rules.codeTtlMinutes * 60_000),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: row.id, remainingToday: rules.dailyLimit - Number(sentToday) - 1 };
      });
      try {
        await provider.sendCode(phone, code, rules.codeTtlMinutes);
      } catch (error) {
        // A code that never reached the phone must not use up one of the day's three chances.
        await db.deleteFrom('sms_code').where('id', '=', id).execute();
        throw Object.assign(new AppError('UNAVAILABLE', '短信发送失败，请稍后重试'), { cause: error });
      }
      return { resendAfterSeconds: rules.resendSeconds, remainingToday };
    },

    async check(phone, purpose, code) {
      const now = clock.now();
      const row = await db
        .selectFrom('sms_code')
        .select(['id', 'code_hash', 'failed_attempts'])
        .where('phone', '=', phone)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) throw new AppError('SMS_CODE_INVALID', '短信验证码已失效或未获取，请重新获取');
      if (row.failed_attempts >= rules.maxAttempts) {
        throw new AppError('SMS_CODE_INVALID', '短信验证码错误次数过多，请重新获取');
      }
      const expected = Buffer.from(row.code_hash, 'hex');
      const given = Buffer.from(hashCode(phone, purpose, code), 'hex');
      if (!timingSafeEqual(expected, given)) {
        const updated = await db
          .updateTable('sms_code')
          .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
          .where('id', '=', row.id)
          .returning('failed_attempts')
          .executeTakeFirstOrThrow();
        const left = rules.maxAttempts - updated.failed_attempts;
        throw new AppError(
          'SMS_CODE_INVALID',
          left > 0 ? `短信验证码不正确，还可以再试 ${left} 次` : '短信验证码错误次数过多，请重新获取',
        );
      }
      return row.id;
    },

    async consume(trx, codeId) {
      const used = await trx
        .updateTable('sms_code')
        .set({ used_at: clock.now() })
        .where('id', '=', codeId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError('SMS_CODE_INVALID', '短信验证码已使用，请重新获取');
    },
  };
}
