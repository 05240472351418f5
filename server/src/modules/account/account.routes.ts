import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, changePasswordBodySchema, changePhoneBodySchema, okSchema, phoneReplySchema } from '#common';
import { anyAccount, authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';

export const accountRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };

    app.get(
      '/account/phone',
      {
        onRequest: requireAccount(anyAccount),
        schema: {
          tags: ['account'],
          summary: '本账号的手机号（修改手机号页的原手机号）',
          response: { 200: phoneReplySchema, ...errors },
        },
      },
      async (request) => ({ phone: (request as AuthedRequest).auth.account.phone ?? '' }),
    );

    app.post(
      '/account/password',
      {
        onRequest: requireAccount(anyAccount, { allowPasswordChangePending: true }),
        schema: {
          tags: ['account'],
          summary: '修改密码',
          body: changePasswordBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        const authed = request as AuthedRequest;
        await s.captcha.verify(request.body.captchaId, request.body.captchaCode);
        await s.accounts.changePassword(authedActor(authed), authed.auth.sessionId, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/account/phone',
      {
        onRequest: requireAccount(anyAccount),
        schema: {
          tags: ['account'],
          summary: '修改手机号',
          body: changePhoneBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.accounts.changePhone(authedActor(request as AuthedRequest), request.body);
        return { ok: true as const };
      },
    );
  };
