import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, unitRegisterBodySchema, unitSummarySchema } from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { signedIn } from '../../http/actor-scope';
import type { UnitInfoService } from './unit-info.service';
import type { UnitRegistrationService } from './unit-registration.service';

export const unitRoutes =
  (deps: {
    config: Config;
    unitRegistration: UnitRegistrationService;
    unitInfo: UnitInfoService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/units/register',
      {
        config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags: ['units'],
          summary: '单位注册',
          body: unitRegisterBodySchema,
          response: { 201: z.object({ unitId: z.string() }), '4xx': apiErrorSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.unitRegistration.register(anonymousActor(request.ip), request.body)),
    );

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        scope.get(
          '/units/me',
          {
            schema: {
              tags: ['units'],
              summary: '本单位基本信息',
              response: { 200: unitSummarySchema, '4xx': apiErrorSchema },
            },
          },
          async (request) => deps.unitInfo.summary(await actorOf(request)),
        );
      }),
    );
  };
