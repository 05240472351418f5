import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  idParamsSchema,
  inboxPageSchema,
  messageQuerySchema,
  okSchema,
  sentPageSchema,
  unreadCountSchema,
} from '#common';
import { anyAccount, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';

export const messageRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const signedIn = requireAccount(anyAccount);
    const tags = ['messages'];
    const me = (request: unknown) => (request as AuthedRequest).auth.account.id;

    app.get(
      '/messages/inbox',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: '我的消息',
          querystring: messageQuerySchema,
          response: { 200: inboxPageSchema, ...errors },
        },
      },
      async (request) => s.messages.inbox(me(request), request.query),
    );
    app.get(
      '/messages/unread-count',
      { onRequest: signedIn, schema: { tags, summary: '未读消息数', response: { 200: unreadCountSchema, ...errors } } },
      async (request) => ({
        unread: await s.messages.unreadCount(me(request)),
      }),
    );
    app.post(
      '/messages/:id/read',
      {
        onRequest: signedIn,
        schema: { tags, summary: '标记为已读', params: idParamsSchema, response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await s.messages.markRead(me(request), Number(request.params.id));
        return { ok: true as const };
      },
    );
    app.get(
      '/messages/sent',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: '已发消息',
          querystring: messageQuerySchema,
          response: { 200: sentPageSchema, ...errors },
        },
      },
      async (request) => s.messages.sent(me(request), request.query),
    );
  };
