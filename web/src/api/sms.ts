import { smsContract, type SmsPurpose } from '#common';
import { clientOf } from './client';

export type { OutboxItem, SendSmsReply } from '#common';

const sms = clientOf(smsContract);

export const smsApi = {
  /** `kind` says whose password a resetPassword code is for (单位 or 个人). */
  send: (phone: string, purpose: SmsPurpose, kind?: 'unit' | 'applicant') =>
    sms.send({ body: { phone, purpose, kind } }),
  /** Development and tests only: the server answers 404 in production. */
  outbox: (phone?: string) => sms.outbox({ query: { phone } }, { quietAuth: true }),
};
