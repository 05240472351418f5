import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '#common';
import type { HealthService } from './health.service';

export const healthRoutes =
  (deps: { health: HealthService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查：数据库可用时返回 ok',
          response: { 200: z.object({ status: z.literal('ok') }), '5xx': apiErrorSchema },
        },
      },
      async (request) => deps.health.check((error) => request.log.error({ err: error }, 'database did not answer')),
    );
  };
