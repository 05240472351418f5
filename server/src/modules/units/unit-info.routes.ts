import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unitsContract as api } from '#common';
import { anyAccount } from '../../http/auth-guard';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import { readUploadedFile } from '../../http/uploaded-file';
import type { OrganisationService } from '../organisations/organisation.service';
import type { SupervisionService } from '../supervision/supervision.service';
import type { UnitInfoService } from './unit-info.service';

export const unitInfoRoutes =
  (deps: {
    unitInfo: UnitInfoService;
    supervision: SupervisionService;
    organisations: OrganisationService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const { unitInfo, supervision, organisations } = deps;
    const ok = { ok: true as const };

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        route(scope, api.info, async (request) => unitInfo.info(await actorOf(request)));

        route(scope, api.saveInfo, async (request) => unitInfo.update(await actorOf(request), request.body));

        route(scope, api.uploadLicense, async (request) => {
          const upload = await readUploadedFile(request);
          return unitInfo.uploadLicense(await actorOf(request), upload);
        });

        route(scope, api.readiness, async (request) => unitInfo.ownReadiness(await actorOf(request)));

        route(scope, api.supervisors, async (request) => supervision.listForUnit(await actorOf(request)));

        route(scope, api.addSupervisor, async (request) => {
          await supervision.add(await actorOf(request), Number(request.body.supervisorId));
          return ok;
        });

        route(scope, api.setDefaultSupervisor, async (request) => {
          await supervision.setDefault(await actorOf(request), Number(request.params.id));
          return ok;
        });

        route(scope, api.removeSupervisor, async (request) => ({
          ok: true as const,
          promotedId: await supervision.remove(await actorOf(request), Number(request.params.id)),
        }));
      }),
    );

    await app.register(
      signedIn(['unit', 'admin'], (scope, actorOf) => {
        route(scope, api.searchSupervisors, async (request) =>
          organisations.supervisors(await actorOf(request), request.query.keyword),
        );
      }),
    );

    await app.register(
      // Any signed-in account may look; the list depends on nobody, so no actor is resolved for it.
      signedIn(anyAccount, (scope) => {
        route(scope, api.openCommittees, async (request) => organisations.openCommittees(request.query.keyword));
      }),
    );
  };
