import type { AccountKind, SendSmsBody, SmsPurpose } from '#common';
import { AppError } from '../../domain/app-error';
import type { AccountService } from '../account/account.service';
import type { SmsService } from './sms.service';

export interface SmsCodeService {
  /**
   * 获取短信验证码: each purpose first refuses a phone that could not use the code, before one of its
   * three daily sends is spent. `signedInAs` is the caller's account, if signed in (修改手机号).
   */
  request(
    body: SendSmsBody,
    signedInAs: { kind: AccountKind; phone: string | null } | null,
  ): Promise<{ ok: true; resendAfterSeconds: number; remainingToday: number }>;
}

export function createSmsCodeService(deps: { accounts: AccountService; sms: SmsService }): SmsCodeService {
  const { accounts, sms } = deps;
  return {
    async request({ phone, purpose, kind }, signedInAs) {
      const checks: Record<SmsPurpose, () => Promise<void>> = {
        unitRegister: () => accounts.assertPhoneFree('unit', phone),
        applicantRegister: () => accounts.assertPhoneFree('applicant', phone),
        resetPassword: async () => {
          if (kind) return accounts.assertPhoneRegistered(kind, phone);
          const unit = await accounts.assertPhoneRegistered('unit', phone).then(
            () => true,
            () => false,
          );
          if (!unit) await accounts.assertPhoneRegistered('applicant', phone);
        },
        changePhone: async () => {
          if (!signedInAs) throw new AppError('UNAUTHENTICATED', '请先登录');
          await accounts.assertPhoneChangeable(signedInAs, phone);
        },
      };
      await checks[purpose]();
      return { ok: true as const, ...(await sms.sendCode(phone, purpose)) };
    },
  };
}
