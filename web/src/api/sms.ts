import { smsContract, type SmsPurpose } from '#common';
import { clientOf } from './client';

export type { OutboxItem, SendSmsReply } from '#common';

const sms = clientOf(smsContract);

export const smsApi = {
  /** 获取验证码, with the answer to the image captcha shown before it. */
  send: (phone: string, purpose: SmsPurpose, captcha: { captchaId: string; captchaCode: string }) =>
    sms.send({ body: { phone, purpose, ...captcha } }),
  /** Development and tests only: the server answers 404 in production. */
  outbox: (phone?: string) => sms.outbox({ query: { phone } }, { quietAuth: true }),
};
