import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referenceContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { ReferenceService } from './reference.service';

export const referenceRoutes =
  (deps: { reference: ReferenceService }): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, api.regions, async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return deps.reference.regions(request.query.parentCode ?? null);
    });

    route(app, api.series, async () => deps.reference.series());

    route(app, api.specialties, async (request) => deps.reference.specialties(request.query));

    await app.register(
      signedIn(['admin'], (scope, actorOf) => {
        route(scope, api.addSpecialty, async (request) =>
          deps.reference.addSpecialty(await actorOf(request), request.body),
        );
      }),
    );
  };
