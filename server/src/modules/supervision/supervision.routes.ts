import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  idParamsSchema,
  maskPhone,
  okSchema,
  reviewerOrgSchema,
  supervisorDecisionBodySchema,
  supervisorDeskPageSchema,
  supervisorDeskQuerySchema,
} from '#common';
import { forbidden, notFound } from '../../domain/app-error';
import { authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { reviewerOrg } from '../organisations/organisation.repository';

export const supervisionRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const reviewerOnly = requireAccount(['reviewer']);
    const errors = { '4xx': apiErrorSchema };

    const orgOf = async (request: unknown) => {
      const org = await reviewerOrg(s.db, (request as AuthedRequest).auth.account.id);
      if (!org) throw notFound('审核用户未关联机构，请联系平台');
      return org;
    };
    /** The supervising department this reviewer speaks for; other reviewers have no such desk. */
    const supervisorOf = async (request: unknown) => {
      const org = await orgOf(request);
      if (org.orgKind !== 'supervisor') throw forbidden('只有主管部门的审核用户可以审核主管单位申请');
      return org.orgId;
    };

    app.get(
      '/reviewer/me',
      {
        onRequest: reviewerOnly,
        schema: { tags: ['reviewer'], summary: '审核用户所属机构', response: { 200: reviewerOrgSchema, ...errors } },
      },
      async (request) => {
        const org = await orgOf(request);
        return { orgKind: org.orgKind, orgId: String(org.orgId), orgName: org.orgName };
      },
    );

    app.get(
      '/reviewer/unit-requests',
      {
        onRequest: reviewerOnly,
        schema: {
          tags: ['reviewer'],
          summary: '主管单位审核：选择本部门为主管部门的单位',
          querystring: supervisorDeskQuerySchema,
          response: { 200: supervisorDeskPageSchema, ...errors },
        },
      },
      async (request) => {
        const { rows, total } = await s.supervision.desk(await supervisorOf(request), request.query);
        return {
          items: rows.map((r) => ({
            id: String(r.id),
            unitName: r.name,
            creditCode: r.credit_code,
            nature: r.nature,
            level: r.level,
            regionFullName: r.region_full_name,
            contactName: r.contact_name,
            contactPhoneMasked: maskPhone(r.contact_phone),
            status: r.status,
            submittedAt: r.submitted_at.toISOString(),
            decidedAt: r.decided_at?.toISOString() ?? null,
            opinion: r.opinion,
          })),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.post(
      '/reviewer/unit-requests/:id/decision',
      {
        onRequest: reviewerOnly,
        schema: {
          tags: ['reviewer'],
          summary: '审核单位的主管单位申请',
          params: idParamsSchema,
          body: supervisorDecisionBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.supervision.decide(
          authedActor(request as AuthedRequest),
          await supervisorOf(request),
          Number(request.params.id),
          request.body.decision,
          request.body.opinion,
        );
        return { ok: true as const };
      },
    );
  };
