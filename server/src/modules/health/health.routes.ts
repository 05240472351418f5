import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthContract as api } from '#common';
import { route } from '../../http/contract-route';
import type { HealthService } from './health.service';

export const healthRoutes =
  (deps: { health: HealthService }): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, api.check, async (request) =>
      deps.health.check((error) => request.log.error({ err: error }, 'database did not answer')),
    );
  };
