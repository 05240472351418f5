import type { AccountKind, SendSmsBody } from '#common';
import { AppError } from '../../domain/app-error';
import { phoneUnchangedError } from '../account/account.service';
import type { CaptchaService } from '../captcha/captcha.service';
import type { SmsService } from './sms.service';

export interface SmsCodeService {
  /**
   * 获取短信验证码, after the image captcha. Whether the phone is registered is not checked here: the
   * answer would tell anyone which phones have accounts. The registration, reset or change the code is
   * for says so once the code proves the phone. `signedInAs` is the caller's account (修改手机号).
   */
  request(
    body: SendSmsBody,
    requestedBy: { ip: string; signedInAs: { kind: AccountKind; phone: string | null } | null },
  ): Promise<{ ok: true; resendAfterSeconds: number; remainingToday: number }>;
}

export function createSmsCodeService(deps: { sms: SmsService; captcha: CaptchaService }): SmsCodeService {
  const { sms, captcha } = deps;
  return {
    async request({ phone, purpose, captchaId, captchaCode }, { ip, signedInAs }) {
      await captcha.verify(captchaId, captchaCode);
      if (purpose === 'changePhone') {
        if (!signedInAs) throw new AppError('UNAUTHENTICATED', '请先登录');
        // One's own phone is no secret to oneself.
        if (signedInAs.phone === phone) throw phoneUnchangedError();
      }
      return { ok: true as const, ...(await sms.sendCode(phone, purpose, ip)) };
    },
  };
}
