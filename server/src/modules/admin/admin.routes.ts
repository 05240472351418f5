import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { AdminUnitService } from './admin-unit.service';

export const adminRoutes = (deps: { adminUnits: AdminUnitService }): FastifyPluginAsyncZod =>
  signedIn(['admin'], (app, actorOf) => {
    const { adminUnits } = deps;

    route(app, api.units, async (request) => adminUnits.units(await actorOf(request), request.query));

    route(app, api.unlock, async (request) => {
      await adminUnits.unlockAccount(await actorOf(request), Number(request.params.accountId));
      return { ok: true as const };
    });

    route(app, api.unit, async (request) => adminUnits.unit(await actorOf(request), Number(request.params.id)));

    route(app, api.setUnitPhone, async (request) => {
      await adminUnits.setUnitPhone(await actorOf(request), Number(request.params.id), request.body);
      return { ok: true as const };
    });
  });
