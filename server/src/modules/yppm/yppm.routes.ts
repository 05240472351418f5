import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { yppmContract as api } from '#common';
import type { Config } from '../../config';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { YppmService } from './yppm.service';

export const yppmRoutes =
  (deps: { yppm: YppmService; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(
      signedIn(['unit', 'reviewer'], (scope, actorOf) => {
        route(scope, api.export, async (request, reply) => {
          const pack = await deps.yppm.export(
            await actorOf(request),
            request.body.ids.map(Number),
            deps.config.print.publicUrl ?? `${request.protocol}://${request.host}`,
          );
          return reply
            .header('content-type', pack.contentType)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pack.filename)}`)
            .header('cache-control', 'private, no-store')
            .send(pack.stream);
        });
      }),
    );
  };
