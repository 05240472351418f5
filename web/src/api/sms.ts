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
  send: (phone: string, purpose: SmsPurpose) => http.post<SendSmsReply>('/sms/codes', { phone, purpose }),
  /** Development and tests only: the server answers 404 in production. */
  outbox: (phone?: string) => http.get<{ items: OutboxItem[] }>('/dev/sms-outbox', { phone }, { quietAuth: true }),
};
