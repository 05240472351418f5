import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema, changePasswordBodySchema, changePhoneBodySchema, okSchema, phoneReplySchema } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import type { AccountService } from './account.service';

export const accountRoutes =
  (deps: { accounts: AccountService }): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const tags = ['account'];

    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        scope.get(
          '/account/phone',
          {
            schema: {
              tags,
              summary: '本账号的手机号（修改手机号页的原手机号）',
              response: { 200: phoneReplySchema, ...errors },
            },
          },
          async (request) => deps.accounts.phoneOf(await actorOf(request)),
        );

        scope.post(
          '/account/phone',
          {
            schema: {
              tags,
              summary: '修改手机号',
              body: changePhoneBodySchema,
              response: { 200: okSchema, ...errors },
            },
          },
          async (request) => {
            await deps.accounts.changePhone(await actorOf(request), request.body);
            return { ok: true as const };
          },
        );
      }),
    );

    // A temporary password may still act here: changing it is what it must do first.
    await app.register(
      signedIn(
        anyAccount,
        (scope, actorOf) => {
          scope.post(
            '/account/password',
            {
              schema: {
                tags,
                summary: '修改密码',
                body: changePasswordBodySchema,
                response: { 200: okSchema, ...errors },
              },
            },
            async (request) => {
              // The guard of this scope admitted a session, so there is one.
              await deps.accounts.changePassword(await actorOf(request), request.auth!.sessionId, request.body);
              return { ok: true as const };
            },
          );
        },
        { allowPasswordChangePending: true },
      ),
    );
  };
