import { randomUUID } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { AppError } from '../../domain/app-error';
import { deleteExpiredCaptchas, insertCaptcha, takeCaptcha } from './captcha.repository';

export interface CaptchaService {
  create(): Promise<{ captchaId: string; svg: string }>;
  /** Consumes the captcha whatever the answer: each image allows one try. */
  verify(captchaId: string, answer: string): Promise<void>;
}

export function createCaptchaService(
  db: Db,
  clock: Clock,
  options: { ttlMinutes: number; testCode: string | undefined },
): CaptchaService {
  return {
    async create() {
      const captcha = svgCaptcha.create({
        size: 4,
        noise: 2,
        ignoreChars: '0oO1ilI',
        color: true,
        background: '#f4f6fa',
      });
      const now = clock.now();
      const captchaId = randomUUID();
      // Expired captchas are swept as new ones are made, so the table stays the size of five minutes' traffic.
      await deleteExpiredCaptchas(db, now);
      await insertCaptcha(db, {
        id: captchaId,
        answer: captcha.text.toLowerCase(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + options.ttlMinutes * 60_000),
      });
      return { captchaId, svg: captcha.data };
    },
    async verify(captchaId, answer) {
      const row = await takeCaptcha(db, captchaId);
      const given = answer.trim().toLowerCase();
      if (options.testCode && given === options.testCode.toLowerCase()) return;
      if (!row || row.expires_at < clock.now())
        throw new AppError('CAPTCHA_INVALID', '验证码已过期，请点击图片刷新后重新输入');
      if (row.answer !== given) throw new AppError('CAPTCHA_INVALID', '验证码不正确，请重新输入');
    },
  };
}
