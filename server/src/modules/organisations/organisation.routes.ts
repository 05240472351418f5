import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import type { OrganisationService } from './organisation.service';

/** The platform admin's pages for reviewer organisations and their accounts. */
export const organisationRoutes = (deps: { organisations: OrganisationService }): FastifyPluginAsyncZod =>
  signedIn(['admin'], (app, actorOf) => {
    const { organisations } = deps;
    const ok = { ok: true as const };
    const created = (id: number) => ({ id: String(id) });

    route(app, api.supervisors, async (request) =>
      organisations.supervisors(await actorOf(request), request.query.keyword),
    );
    route(app, api.createSupervisor, async (request) =>
      created(await organisations.saveSupervisor(await actorOf(request), request.body)),
    );
    route(app, api.updateSupervisor, async (request) =>
      created(await organisations.saveSupervisor(await actorOf(request), request.body, Number(request.params.id))),
    );
    route(app, api.setSupervisorDisabled, async (request) => {
      await organisations.setSupervisorDisabled(
        await actorOf(request),
        Number(request.params.id),
        request.body.disabled,
      );
      return ok;
    });
    route(app, api.deleteSupervisor, async (request) => {
      await organisations.deleteSupervisor(await actorOf(request), Number(request.params.id));
      return ok;
    });

    route(app, api.hrBureaus, async (request) => organisations.hrBureaus(await actorOf(request)));
    route(app, api.createHrBureau, async (request) =>
      created(await organisations.saveHrBureau(await actorOf(request), request.body)),
    );
    route(app, api.updateHrBureau, async (request) =>
      created(await organisations.saveHrBureau(await actorOf(request), request.body, Number(request.params.id))),
    );
    route(app, api.setHrBureauDisabled, async (request) => {
      await organisations.setHrBureauDisabled(await actorOf(request), Number(request.params.id), request.body.disabled);
      return ok;
    });
    route(app, api.deleteHrBureau, async (request) => {
      await organisations.deleteHrBureau(await actorOf(request), Number(request.params.id));
      return ok;
    });

    route(app, api.committees, async (request) => organisations.committees(await actorOf(request)));
    route(app, api.createCommittee, async (request) =>
      created(await organisations.saveCommittee(await actorOf(request), request.body)),
    );
    route(app, api.updateCommittee, async (request) =>
      created(await organisations.saveCommittee(await actorOf(request), request.body, Number(request.params.id))),
    );
    route(app, api.createBatch, async (request) =>
      created(await organisations.saveBatch(await actorOf(request), Number(request.params.id), request.body)),
    );
    route(app, api.updateBatch, async (request) =>
      created(
        await organisations.saveBatch(
          await actorOf(request),
          Number(request.params.id),
          request.body,
          Number(request.params.batchId),
        ),
      ),
    );
    route(app, api.setBatchDisabled, async (request) => {
      const { id, batchId } = request.params;
      await organisations.setBatchDisabled(await actorOf(request), Number(id), Number(batchId), request.body.disabled);
      return ok;
    });
    route(app, api.deleteBatch, async (request) => {
      await organisations.deleteBatch(
        await actorOf(request),
        Number(request.params.id),
        Number(request.params.batchId),
      );
      return ok;
    });

    route(app, api.reviewers, async (request) => organisations.reviewers(await actorOf(request), request.query));
    route(app, api.createReviewer, async (request, reply) => {
      const reviewer = await organisations.addReviewer(await actorOf(request), request.body);
      // The answer carries a one-time password: no cache may keep it.
      void reply.header('cache-control', 'no-store');
      return reviewer;
    });
    route(app, api.resetReviewerPassword, async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return {
        temporaryPassword: await organisations.resetReviewerPassword(await actorOf(request), Number(request.params.id)),
      };
    });
  });
