import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountContract, adminContract } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { TwoFactorService } from './two-factor.service';

export const twoFactorRoutes =
  (deps: { twoFactor: TwoFactorService }): FastifyPluginAsyncZod =>
  async (app) => {
    // Open to an account that TWO_FACTOR_REQUIRED still waits for: turning it on is what it must do first.
    await app.register(
      signedIn(
        ['admin', 'reviewer', 'expert'],
        (scope, actorOf) => {
          route(scope, accountContract.twoFactor, async (request) => deps.twoFactor.status(await actorOf(request)));

          route(scope, accountContract.twoFactorSetup, async (request, reply) => {
            // The answer carries the secret: no cache may keep it.
            void reply.header('cache-control', 'no-store');
            return deps.twoFactor.setup(await actorOf(request));
          });

          route(scope, accountContract.twoFactorConfirm, async (request, reply) => {
            void reply.header('cache-control', 'no-store');
            return { recoveryCodes: await deps.twoFactor.confirm(await actorOf(request), request.body) };
          });

          route(scope, accountContract.twoFactorDisable, async (request) => {
            await deps.twoFactor.disable(await actorOf(request), request.body);
            return { ok: true as const };
          });
        },
        { allowTwoFactorPending: true },
      ),
    );

    await app.register(
      signedIn(['admin'], (scope, actorOf) => {
        route(scope, adminContract.resetReviewerTwoFactor, async (request) => {
          await deps.twoFactor.resetReviewer(await actorOf(request), Number(request.params.id));
          return { ok: true as const };
        });
      }),
    );
  };
