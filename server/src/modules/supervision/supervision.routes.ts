import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { supervisionContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import { presentReviewerOrg } from '../organisations/organisation.presenter';
import type { SupervisionService } from './supervision.service';

export const supervisionRoutes = (deps: { supervision: SupervisionService }): FastifyPluginAsyncZod =>
  signedIn(['reviewer'], (app, actorOf) => {
    // The actor already names the organisation: nothing to ask a service.
    route(app, api.me, async (request) => presentReviewerOrg(await actorOf(request)));

    route(app, api.unitRequests, async (request) => deps.supervision.desk(await actorOf(request), request.query));

    route(app, api.decide, async (request) => {
      await deps.supervision.decide(
        await actorOf(request),
        Number(request.params.id),
        request.body.decision,
        request.body.opinion,
      );
      return { ok: true as const };
    });
  });
