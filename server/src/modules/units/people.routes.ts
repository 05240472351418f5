import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountParamsSchema,
  apiErrorSchema,
  messageBodySchema,
  okSchema,
  personPageSchema,
  personQuerySchema,
  temporaryPasswordSchema,
} from '#common';
import { signedIn } from '../../http/actor-scope';
import type { PeopleService } from './people.service';

export const peopleRoutes = (deps: { people: PeopleService }): FastifyPluginAsyncZod =>
  signedIn(['unit'], (app, actorOf) => {
    const errors = { '4xx': apiErrorSchema };
    const tags = ['people'];

    app.get(
      '/units/me/people',
      {
        schema: {
          tags,
          summary: '专业技术人员',
          querystring: personQuerySchema,
          response: { 200: personPageSchema, ...errors },
        },
      },
      async (request) => deps.people.list(await actorOf(request), request.query),
    );

    app.post(
      '/units/me/people/:accountId/message',
      {
        schema: {
          tags,
          summary: '发送消息',
          params: accountParamsSchema,
          body: messageBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deps.people.message(await actorOf(request), Number(request.params.accountId), request.body.content);
        return { ok: true as const };
      },
    );

    app.post(
      '/units/me/people/:accountId/reset-password',
      {
        schema: {
          tags,
          summary: '重置密码（一次性临时密码，只显示一次）',
          params: accountParamsSchema,
          response: { 200: temporaryPasswordSchema, ...errors },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return {
          temporaryPassword: await deps.people.resetPassword(await actorOf(request), Number(request.params.accountId)),
        };
      },
    );

    app.post(
      '/units/me/people/:accountId/remove',
      { schema: { tags, summary: '移除', params: accountParamsSchema, response: { 200: okSchema, ...errors } } },
      async (request) => {
        await deps.people.remove(await actorOf(request), Number(request.params.accountId));
        return { ok: true as const };
      },
    );

    app.post(
      '/units/me/people/:accountId/unlock',
      { schema: { tags, summary: '解锁', params: accountParamsSchema, response: { 200: okSchema, ...errors } } },
      async (request) => {
        await deps.people.unlock(await actorOf(request), Number(request.params.accountId));
        return { ok: true as const };
      },
    );
  });
