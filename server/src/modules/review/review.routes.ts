import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reviewContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import { sendDownload } from '../../http/send-file';
import type { ReviewExportService } from './review-export.service';
import type { ReviewService } from './review.service';

export const reviewRoutes =
  (deps: { review: ReviewService; reviewExport: ReviewExportService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { review, reviewExport } = deps;

    await app.register(
      signedIn(['unit', 'reviewer'], (scope, actorOf) => {
        route(scope, api.summary, async (request) => review.summary(await actorOf(request)));
        route(scope, api.desk, async (request) => review.desk(await actorOf(request), request.query));
        route(scope, api.records, async (request) => review.records(await actorOf(request), request.query));
        route(scope, api.decide, async (request) => review.decide(await actorOf(request), request.body));
        route(scope, api.exportOptions, async (request) => reviewExport.options(await actorOf(request)));
        route(scope, api.deskExport, async (request, reply) =>
          sendDownload(reply, await reviewExport.start(await actorOf(request), 'desk', request.query)),
        );
        route(scope, api.recordsExport, async (request, reply) =>
          sendDownload(reply, await reviewExport.start(await actorOf(request), 'records', request.query)),
        );
      }),
    );

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        route(scope, api.unitOpinion, async (request) =>
          review.unitOpinion(await actorOf(request), Number(request.params.id)),
        );
        route(scope, api.saveUnitOpinion, async (request) =>
          review.saveUnitOpinion(
            await actorOf(request),
            Number(request.params.id),
            request.body.version,
            request.body.unitOpinion,
          ),
        );
      }),
    );
  };
