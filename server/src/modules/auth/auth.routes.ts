import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContract as api } from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { sessionCookieName } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import type { AccountService } from '../account/account.service';
import type { CaptchaService } from '../captcha/captcha.service';
import type { TwoFactorLoginService } from '../two-factor/two-factor-login.service';
import type { AuthService, LoginResult } from './auth.service';
import type { SessionService } from './session.service';

export const authRoutes =
  (deps: {
    config: Config;
    auth: AuthService;
    sessions: SessionService;
    captcha: CaptchaService;
    accounts: AccountService;
    twoFactorLogin: TwoFactorLoginService;
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

    /** Signed in: the cookie and the account; a second step to take: its challenge, and no cookie yet. */
    const answer = (request: FastifyRequest, reply: FastifyReply, result: LoginResult) => {
      if (result.token === null) return result.challenge;
      setSessionCookie(request, reply, result.token);
      return result.account;
    };

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
      ...(await deps.auth.describeSession(request.auth, request.sessionState)),
      csrfToken: reply.generateCsrf(),
    }));

    route(
      app,
      api.login,
      async (request, reply) =>
        answer(
          request,
          reply,
          await deps.auth.login(anonymousActor(request.ip), request.body, request.headers['user-agent'] ?? null),
        ),
      { config: loginRateLimit },
    );

    route(
      app,
      api.adminLogin,
      async (request, reply) =>
        answer(
          request,
          reply,
          await deps.auth.login(
            anonymousActor(request.ip),
            { ...request.body, kind: 'admin' },
            request.headers['user-agent'] ?? null,
          ),
        ),
      { config: loginRateLimit },
    );

    route(
      app,
      api.twoFactorLogin,
      async (request, reply) => {
        const result = await deps.twoFactorLogin.complete(
          anonymousActor(request.ip),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        if (result.token === null) throw new Error('the second step always ends in a session');
        setSessionCookie(request, reply, result.token);
        return result.account;
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
