import type { SmsPurpose } from '#common';
import { http } from './http';

export interface SendSmsReply {
  ok: true;
  resendAfterSeconds: number;
  remainingToday: number;
}

export interface OutboxItem {
  phone: string;
  content: string;
  sentAt: string;
}

export const smsApi = {
  /** `kind` says whose password a resetPassword code is for (单位 or 个人). */
  send: (phone: string, purpose: SmsPurpose, kind?: 'unit' | 'applicant') =>
    http.post<SendSmsReply>('/sms/codes', { phone, purpose, kind }),
  /** Development and tests only: the server answers 404 in production. */
  outbox: (phone?: string) => http.get<{ items: OutboxItem[] }>('/dev/sms-outbox', { phone }, { quietAuth: true }),
};
