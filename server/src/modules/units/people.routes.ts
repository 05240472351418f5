import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { peopleContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { PeopleService } from './people.service';

export const peopleRoutes = (deps: { people: PeopleService }): FastifyPluginAsyncZod =>
  signedIn(['unit'], (app, actorOf) => {
    const { people } = deps;
    const ok = { ok: true as const };

    route(app, api.list, async (request) => people.list(await actorOf(request), request.query));

    route(app, api.message, async (request) => {
      await people.message(await actorOf(request), Number(request.params.accountId), request.body.content);
      return ok;
    });

    route(app, api.resetPassword, async (request, reply) => {
      // The answer carries a one-time password: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return {
        temporaryPassword: await people.resetPassword(await actorOf(request), Number(request.params.accountId)),
      };
    });

    route(app, api.remove, async (request) => {
      await people.remove(await actorOf(request), Number(request.params.accountId));
      return ok;
    });

    route(app, api.unlock, async (request) => {
      await people.unlock(await actorOf(request), Number(request.params.accountId));
      return ok;
    });
  });
