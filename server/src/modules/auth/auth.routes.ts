import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminLoginBodySchema,
  apiErrorSchema,
  captchaSchema,
  loginBodySchema,
  okSchema,
  resetPasswordBodySchema,
  sessionAccountSchema,
  sessionSchema,
} from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { sessionCookieName } from '../../http/auth-guard';
import type { AccountService } from '../account/account.service';
import type { CaptchaService } from '../captcha/captcha.service';
import type { AuthService } from './auth.service';
import type { SessionService } from './session.service';

export const authRoutes =
  (deps: {
    config: Config;
    auth: AuthService;
    sessions: SessionService;
    captcha: CaptchaService;
    accounts: AccountService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const loginRateLimit = { rateLimit: { max: deps.config.rateLimits.login, timeWindow: 60_000 } };

    const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
      reply.setCookie(sessionCookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure ?? request.protocol === 'https',
      });

    app.get(
      '/captcha',
      { schema: { tags: ['auth'], summary: '图形验证码（一次有效，5 分钟）', response: { 200: captchaSchema } } },
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        return deps.captcha.create();
      },
    );

    app.get(
      '/session',
      { schema: { tags: ['auth'], summary: '当前登录状态与 CSRF 令牌', response: { 200: sessionSchema } } },
      async (request, reply) => ({
        ...(await deps.auth.describeSession(request.auth?.account ?? null, request.sessionState)),
        csrfToken: reply.generateCsrf(),
      }),
    );

    app.post(
      '/auth/login',
      {
        config: loginRateLimit,
        schema: {
          tags: ['auth'],
          summary: '登录（个人用户 / 单位用户 / 审核用户）',
          body: loginBodySchema,
          response: { 200: sessionAccountSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { token, account } = await deps.auth.login(
          anonymousActor(request.ip),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        setSessionCookie(request, reply, token);
        return account;
      },
    );

    app.post(
      '/auth/admin-login',
      {
        config: loginRateLimit,
        schema: {
          tags: ['auth'],
          summary: '平台管理员登录',
          body: adminLoginBodySchema,
          response: { 200: sessionAccountSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { token, account } = await deps.auth.login(
          anonymousActor(request.ip),
          { ...request.body, kind: 'admin' },
          request.headers['user-agent'] ?? null,
        );
        setSessionCookie(request, reply, token);
        return account;
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } },
      async (request, reply) => {
        const token = request.cookies[sessionCookieName];
        if (token) await deps.sessions.end(token);
        void reply.clearCookie(sessionCookieName, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: '忘记密码：通过注册手机号找回',
          body: resetPasswordBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deps.accounts.resetPassword(anonymousActor(request.ip), request.body);
        return { ok: true as const };
      },
    );
  };
