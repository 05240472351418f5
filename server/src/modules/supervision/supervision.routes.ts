import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  idParamsSchema,
  okSchema,
  reviewerOrgSchema,
  supervisorDecisionBodySchema,
  supervisorDeskPageSchema,
  supervisorDeskQuerySchema,
} from '#common';
import { signedIn } from '../../http/actor-scope';
import { presentReviewerOrg } from '../organisations/organisation.presenter';
import type { SupervisionService } from './supervision.service';

export const supervisionRoutes = (deps: { supervision: SupervisionService }): FastifyPluginAsyncZod =>
  signedIn(['reviewer'], (app, actorOf) => {
    const errors = { '4xx': apiErrorSchema };

    app.get(
      '/reviewer/me',
      { schema: { tags: ['reviewer'], summary: '审核用户所属机构', response: { 200: reviewerOrgSchema, ...errors } } },
      // The actor already names the organisation: nothing to ask a service.
      async (request) => presentReviewerOrg(await actorOf(request)),
    );

    app.get(
      '/reviewer/unit-requests',
      {
        schema: {
          tags: ['reviewer'],
          summary: '主管单位审核：选择本部门为主管部门的单位',
          querystring: supervisorDeskQuerySchema,
          response: { 200: supervisorDeskPageSchema, ...errors },
        },
      },
      async (request) => deps.supervision.desk(await actorOf(request), request.query),
    );

    app.post(
      '/reviewer/unit-requests/:id/decision',
      {
        schema: {
          tags: ['reviewer'],
          summary: '审核单位的主管单位申请',
          params: idParamsSchema,
          body: supervisorDecisionBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deps.supervision.decide(
          await actorOf(request),
          Number(request.params.id),
          request.body.decision,
          request.body.opinion,
        );
        return { ok: true as const };
      },
    );
  });
