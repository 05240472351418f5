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
import { authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';

export const peopleRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const unitOnly = requireAccount(['unit']);
    const tags = ['people'];
    const ownUnit = (request: unknown) => s.unitInfo.requireOwnUnit((request as AuthedRequest).auth.account.id);
    const actor = (request: unknown) => authedActor(request as AuthedRequest);

    app.get(
      '/units/me/people',
      {
        onRequest: unitOnly,
        schema: {
          tags,
          summary: '专业技术人员',
          querystring: personQuerySchema,
          response: { 200: personPageSchema, ...errors },
        },
      },
      async (request) => s.people.list(await ownUnit(request), request.query),
    );

    app.post(
      '/units/me/people/:accountId/message',
      {
        onRequest: unitOnly,
        schema: {
          tags,
          summary: '发送消息',
          params: accountParamsSchema,
          body: messageBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.people.message(
          actor(request),
          await ownUnit(request),
          Number(request.params.accountId),
          request.body.content,
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/units/me/people/:accountId/reset-password',
      {
        onRequest: unitOnly,
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
          temporaryPassword: await s.people.resetPassword(
            actor(request),
            await ownUnit(request),
            Number(request.params.accountId),
          ),
        };
      },
    );

    app.post(
      '/units/me/people/:accountId/remove',
      {
        onRequest: unitOnly,
        schema: { tags, summary: '移除', params: accountParamsSchema, response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await s.people.remove(actor(request), await ownUnit(request), Number(request.params.accountId));
        return { ok: true as const };
      },
    );

    app.post(
      '/units/me/people/:accountId/unlock',
      {
        onRequest: unitOnly,
        schema: { tags, summary: '解锁', params: accountParamsSchema, response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await s.people.unlock(actor(request), await ownUnit(request), Number(request.params.accountId));
        return { ok: true as const };
      },
    );
  };
