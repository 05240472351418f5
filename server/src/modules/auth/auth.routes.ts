import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContract as api } from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { sessionCookieName } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
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
    const loginRateLimit = { rateLimit: { max: deps.config.rateLimits.login, timeWindow: 60_000 } };

    const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
      reply.setCookie(sessionCookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure ?? request.protocol === 'https',
      });

    route(
      app,
      api.captcha,
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        return deps.captcha.create();
      },
      { config: { rateLimit: { max: deps.config.rateLimits.captcha, timeWindow: 60_000 } } },
    );

    route(app, api.session, async (request, reply) => ({
      ...(await deps.auth.describeSession(request.auth?.account ?? null, request.sessionState)),
      csrfToken: reply.generateCsrf(),
    }));

    route(
      app,
      api.login,
      async (request, reply) => {
        const { token, account } = await deps.auth.login(
          anonymousActor(request.ip),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        setSessionCookie(request, reply, token);
        return account;
      },
      { config: loginRateLimit },
    );

    route(
      app,
      api.adminLogin,
      async (request, reply) => {
        const { token, account } = await deps.auth.login(
          anonymousActor(request.ip),
          { ...request.body, kind: 'admin' },
          request.headers['user-agent'] ?? null,
        );
        setSessionCookie(request, reply, token);
        return account;
      },
      { config: loginRateLimit },
    );

    route(app, api.logout, async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (token) await deps.sessions.end(token);
      void reply.clearCookie(sessionCookieName, { path: '/' });
      return { ok: true as const };
    });

    route(
      app,
      api.resetPassword,
      async (request) => {
        await deps.accounts.resetPassword(anonymousActor(request.ip), request.body);
        return { ok: true as const };
      },
      { config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } } },
    );
  };
