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
import { anyAccount } from '../../http/auth-guard';
import { signedIn } from '../../http/actor-scope';
import type { MessageService } from './message.service';

export const messageRoutes = (deps: { messages: MessageService }): FastifyPluginAsyncZod =>
  signedIn(anyAccount, (app, actorOf) => {
    const errors = { '4xx': apiErrorSchema };
    const tags = ['messages'];

    app.get(
      '/messages/inbox',
      {
        schema: {
          tags,
          summary: '我的消息',
          querystring: messageQuerySchema,
          response: { 200: inboxPageSchema, ...errors },
        },
      },
      async (request) => deps.messages.inbox(await actorOf(request), request.query),
    );
    app.get(
      '/messages/unread-count',
      { schema: { tags, summary: '未读消息数', response: { 200: unreadCountSchema, ...errors } } },
      async (request) => ({ unread: await deps.messages.unreadCount(await actorOf(request)) }),
    );
    app.post(
      '/messages/:id/read',
      { schema: { tags, summary: '标记为已读', params: idParamsSchema, response: { 200: okSchema, ...errors } } },
      async (request) => {
        await deps.messages.markRead(await actorOf(request), Number(request.params.id));
        return { ok: true as const };
      },
    );
    app.get(
      '/messages/sent',
      {
        schema: {
          tags,
          summary: '已发消息',
          querystring: messageQuerySchema,
          response: { 200: sentPageSchema, ...errors },
        },
      },
      async (request) => deps.messages.sent(await actorOf(request), request.query),
    );
  });
