import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminLoginBodySchema,
  apiErrorSchema,
  captchaSchema,
  loginBodySchema,
  maskPhone,
  okSchema,
  resetPasswordBodySchema,
  sessionAccountSchema,
  sessionSchema,
  type SessionAccount,
} from '#common';
import type { AccountRow } from '../../db/schema';
import { auditActorOf, sessionCookieName } from '../../http/auth-guard';
import type { Services } from '../../services';

export function presentAccount(account: AccountRow): SessionAccount {
  return {
    id: String(account.id),
    kind: account.kind,
    displayName: account.display_name,
    loginName: account.login_name,
    phoneMasked: account.phone ? maskPhone(account.phone) : null,
    mustChangePassword: account.must_change_password,
  };
}

export const authRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const loginRateLimit = { rateLimit: { max: s.config.rateLimits.login, timeWindow: 60_000 } };

    const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
      reply.setCookie(sessionCookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: s.config.cookieSecure ?? request.protocol === 'https',
      });

    app.get(
      '/captcha',
      { schema: { tags: ['auth'], summary: '图形验证码（一次有效，5 分钟）', response: { 200: captchaSchema } } },
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        return s.captcha.create();
      },
    );

    app.get(
      '/session',
      { schema: { tags: ['auth'], summary: '当前登录状态与 CSRF 令牌', response: { 200: sessionSchema } } },
      async (request, reply) => {
        const demo = s.config.demoData
          ? {
              credentials: await s.db
                .selectFrom('demo_credential')
                .select(['kind', 'username', 'password', 'note'])
                .orderBy('id')
                .execute(),
            }
          : null;
        return {
          account: request.auth ? presentAccount(request.auth.account) : null,
          sessionExpired: request.sessionState === 'expired',
          csrfToken: reply.generateCsrf(),
          demo,
        };
      },
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
        const body = request.body;
        await s.captcha.verify(body.captchaId, body.captchaCode);
        const { token, account } = await s.auth.login(body.kind, body.username, body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, token);
        return presentAccount(account);
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
        const body = request.body;
        await s.captcha.verify(body.captchaId, body.captchaCode);
        const { token, account } = await s.auth.login('admin', body.username, body.password, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, token);
        return presentAccount(account);
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出登录', response: { 200: okSchema } } },
      async (request, reply) => {
        const token = request.cookies[sessionCookieName];
        if (token) await s.sessions.end(token);
        void reply.clearCookie(sessionCookieName, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { rateLimit: { max: s.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags: ['auth'],
          summary: '忘记密码：通过注册手机号找回',
          body: resetPasswordBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.accounts.resetPassword(auditActorOf(request), request.body);
        return { ok: true as const };
      },
    );
  };
