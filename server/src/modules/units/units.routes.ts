import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, unitRegisterBodySchema } from '#common';
import { actorOf } from '../../http/auth-guard';
import type { Services } from '../../services';
import { registerUnit } from './unit-registration.service';

export const unitRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/units/register',
      {
        config: { rateLimit: { max: s.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags: ['units'],
          summary: '单位注册',
          body: unitRegisterBodySchema,
          response: { 201: z.object({ unitId: z.string() }), '4xx': apiErrorSchema },
        },
      },
      async (request, reply) => {
        const { unitId } = await registerUnit(s, actorOf(request), request.body);
        return reply.status(201).send({ unitId: String(unitId) });
      },
    );
  };
