import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messagesContract as api } from '#common';
import { anyAccount } from '../../http/auth-guard';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { MessageService } from './message.service';

export const messageRoutes = (deps: { messages: MessageService }): FastifyPluginAsyncZod =>
  signedIn(anyAccount, (scope, actorOf) => {
    route(scope, api.inbox, async (request) => deps.messages.inbox(await actorOf(request), request.query));
    route(scope, api.unreadCount, async (request) => ({
      unread: await deps.messages.unreadCount(await actorOf(request)),
    }));
    route(scope, api.markRead, async (request) => {
      await deps.messages.markRead(await actorOf(request), Number(request.params.id));
      return { ok: true as const };
    });
    route(scope, api.sent, async (request) => deps.messages.sent(await actorOf(request), request.query));
  });
