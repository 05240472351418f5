import { inboxPageSchema, messageQuerySchema, sentPageSchema, unreadCountSchema } from '../schemas/applicant.schema';
import { okSchema } from '../schemas/fields.schema';
import { idParamsSchema } from '../schemas/unit-info.schema';
import { endpoint } from './endpoint';

const tags = ['messages'];

/** 消息中心 (manual §6): any signed-in account's messages. */
export const messagesContract = {
  inbox: endpoint({
    method: 'GET',
    path: '/messages/inbox',
    tags,
    summary: '我的消息',
    query: messageQuerySchema,
    response: inboxPageSchema,
  }),
  unreadCount: endpoint({
    method: 'GET',
    path: '/messages/unread-count',
    tags,
    summary: '未读消息数',
    response: unreadCountSchema,
  }),
  markRead: endpoint({
    method: 'POST',
    path: '/messages/:id/read',
    tags,
    summary: '标记为已读',
    params: idParamsSchema,
    response: okSchema,
  }),
  sent: endpoint({
    method: 'GET',
    path: '/messages/sent',
    tags,
    summary: '已发消息',
    query: messageQuerySchema,
    response: sentPageSchema,
  }),
};
