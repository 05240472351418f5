import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicantsContract as api } from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { ApplicantService } from './applicant.service';

export const applicantRoutes =
  (deps: { config: Config; applicants: ApplicantService }): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, api.register, async (request) => deps.applicants.register(anonymousActor(request.ip), request.body), {
      config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } },
    });

    await app.register(
      signedIn(['applicant'], (scope, actorOf) => {
        route(scope, api.me, async (request) => deps.applicants.profile(await actorOf(request)));

        route(scope, api.rename, async (request) => {
          await deps.applicants.rename(await actorOf(request), request.body.name);
          return { ok: true as const };
        });

        route(scope, api.searchUnits, async (request) => deps.applicants.searchUnits(request.query.keyword));

        route(scope, api.chooseUnit, async (request) => {
          await deps.applicants.chooseUnit(await actorOf(request), Number(request.body.unitId));
          return { ok: true as const };
        });

        route(scope, api.unitReadiness, async (request) => deps.applicants.unitReadiness(await actorOf(request)));
      }),
    );
  };
