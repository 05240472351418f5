import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import type { AccountService } from './account.service';

export const accountRoutes =
  (deps: { accounts: AccountService }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        route(scope, api.phone, async (request) => deps.accounts.phoneOf(await actorOf(request)));

        route(scope, api.changePhone, async (request) => {
          await deps.accounts.changePhone(await actorOf(request), request.body);
          return { ok: true as const };
        });
      }),
    );

    // A temporary password may still act here: changing it is what it must do first (and an account
    // still to turn on 两步验证 may change its password too).
    await app.register(
      signedIn(
        anyAccount,
        (scope, actorOf) => {
          route(scope, api.changePassword, async (request) => {
            // The guard of this scope admitted a session, so there is one.
            await deps.accounts.changePassword(await actorOf(request), request.auth!.sessionId, request.body);
            return { ok: true as const };
          });
        },
        { allowPasswordChangePending: true, allowTwoFactorPending: true },
      ),
    );
  };
