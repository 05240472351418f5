import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitsContract as api } from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { UnitInfoService } from './unit-info.service';
import type { UnitRegistrationService } from './unit-registration.service';

export const unitRoutes =
  (deps: {
    config: Config;
    unitRegistration: UnitRegistrationService;
    unitInfo: UnitInfoService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      api.register,
      async (request) => deps.unitRegistration.register(anonymousActor(request.ip), request.body),
      { config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } } },
    );

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        route(scope, api.me, async (request) => deps.unitInfo.summary(await actorOf(request)));
      }),
    );
  };
