import { sendSmsBodySchema, sendSmsReplySchema, smsOutboxQuerySchema, smsOutboxSchema } from '../schemas/auth.schema';
import { endpoint } from './endpoint';

/** 短信验证码, and the outbox that stands in for the SMS gateway in development and tests. */
export const smsContract = {
  send: endpoint({
    method: 'POST',
    path: '/sms/codes',
    tags: ['sms'],
    summary: '获取短信验证码',
    body: sendSmsBodySchema,
    response: sendSmsReplySchema,
  }),
  /** Development and tests only: the server does not register it in production (404). */
  outbox: endpoint({
    method: 'GET',
    path: '/dev/sms-outbox',
    tags: ['dev'],
    summary: '开发用短信发件箱（生产环境不存在）',
    query: smsOutboxQuerySchema,
    response: smsOutboxSchema,
  }),
};
