import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  batchBodySchema,
  committeeBodySchema,
  committeeSchema,
  hrBureauBodySchema,
  hrBureauSchema,
  idParamsSchema,
  keywordQuerySchema,
  reviewerCreateBodySchema,
  reviewerCreatedSchema,
  reviewerQuerySchema,
  reviewerSchema,
  supervisorBodySchema,
  supervisorSchema,
} from '#common';
import { authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { listCommittees, listHrBureaus, listReviewers, listSupervisors } from './organisation.repository';

const idReply = z.object({ id: z.string() });

/** The platform admin's pages for reviewer organisations and their accounts. */
export const organisationRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const adminOnly = requireAccount(['admin']);
    const errors = { '4xx': apiErrorSchema };
    const actor = (request: unknown) => authedActor(request as AuthedRequest);
    const tags = ['admin'];

    app.get(
      '/admin/supervisors',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '主管部门列表',
          querystring: keywordQuerySchema,
          response: { 200: z.array(supervisorSchema), ...errors },
        },
      },
      async (request) =>
        (await listSupervisors(s.db, request.query.keyword)).map((r) => ({
          id: String(r.id),
          name: r.name,
          regionCode: r.region_code,
          regionName: r.region_name,
        })),
    );
    app.post(
      '/admin/supervisors',
      {
        onRequest: adminOnly,
        schema: { tags, summary: '新增主管部门', body: supervisorBodySchema, response: { 201: idReply, ...errors } },
      },
      async (request, reply) =>
        reply.status(201).send({ id: String(await s.organisations.saveSupervisor(actor(request), request.body)) }),
    );
    app.put(
      '/admin/supervisors/:id',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '修改主管部门',
          params: idParamsSchema,
          body: supervisorBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await s.organisations.saveSupervisor(actor(request), request.body, Number(request.params.id))),
      }),
    );

    app.get(
      '/admin/hr-bureaus',
      {
        onRequest: adminOnly,
        schema: { tags, summary: '人社局列表', response: { 200: z.array(hrBureauSchema), ...errors } },
      },
      async () =>
        (await listHrBureaus(s.db)).map((r) => ({
          id: String(r.id),
          name: r.name,
          regionCode: r.region_code,
          regionName: r.region_name,
          level: r.level,
        })),
    );
    app.post(
      '/admin/hr-bureaus',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '新增人社局（县区、州市或省）',
          body: hrBureauBodySchema,
          response: { 201: idReply, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: String(await s.organisations.saveHrBureau(actor(request), request.body)) }),
    );
    app.put(
      '/admin/hr-bureaus/:id',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '修改人社局',
          params: idParamsSchema,
          body: hrBureauBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await s.organisations.saveHrBureau(actor(request), request.body, Number(request.params.id))),
      }),
    );

    app.get(
      '/admin/committees',
      {
        onRequest: adminOnly,
        schema: { tags, summary: '评委会及其年度批次', response: { 200: z.array(committeeSchema), ...errors } },
      },
      async () =>
        (await listCommittees(s.db, s.clock.now())).map((c) => ({
          id: String(c.id),
          name: c.name,
          seriesCode: c.series_code,
          seriesName: c.series_name,
          titleLevels: c.title_levels,
          printFromStage: c.print_from_stage,
          notice: c.notice,
          batches: c.batches.map((b) => ({
            id: String(b.id),
            year: b.year,
            opensAt: b.opens_at.toISOString(),
            closesAt: b.closes_at.toISOString(),
            correctionClosesAt: b.correction_closes_at?.toISOString() ?? null,
            notice: b.notice,
            open: b.open,
          })),
        })),
    );
    app.post(
      '/admin/committees',
      {
        onRequest: adminOnly,
        schema: { tags, summary: '新增评委会', body: committeeBodySchema, response: { 201: idReply, ...errors } },
      },
      async (request, reply) =>
        reply.status(201).send({ id: String(await s.organisations.saveCommittee(actor(request), request.body)) }),
    );
    app.put(
      '/admin/committees/:id',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '修改评委会',
          params: idParamsSchema,
          body: committeeBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await s.organisations.saveCommittee(actor(request), request.body, Number(request.params.id))),
      }),
    );
    app.post(
      '/admin/committees/:id/batches',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '新增年度批次（网报时间）',
          params: idParamsSchema,
          body: batchBodySchema,
          response: { 201: idReply, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          id: String(await s.organisations.saveBatch(actor(request), Number(request.params.id), request.body)),
        }),
    );
    app.put(
      '/admin/committees/:id/batches/:batchId',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '修改年度批次',
          params: z.object({ id: z.string().regex(/^\d+$/), batchId: z.string().regex(/^\d+$/) }),
          body: batchBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(
          await s.organisations.saveBatch(
            actor(request),
            Number(request.params.id),
            request.body,
            Number(request.params.batchId),
          ),
        ),
      }),
    );

    const presentReviewer = (r: Awaited<ReturnType<typeof listReviewers>>[number]) => ({
      accountId: String(r.account_id),
      username: r.login_name,
      displayName: r.display_name,
      orgKind: r.org_kind,
      orgId: String(r.org_id),
      orgName: r.org_name,
      locked: r.locked_at !== null,
    });
    app.get(
      '/admin/reviewers',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '审核用户列表',
          querystring: reviewerQuerySchema,
          response: { 200: z.array(reviewerSchema), ...errors },
        },
      },
      async (request) =>
        (
          await listReviewers(s.db, {
            orgKind: request.query.orgKind,
            orgId: request.query.orgId ? Number(request.query.orgId) : undefined,
          })
        ).map(presentReviewer),
    );
    app.post(
      '/admin/reviewers',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '新增审核用户（返回一次性密码，首次登录须修改）',
          body: reviewerCreateBodySchema,
          response: { 201: reviewerCreatedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { accountId, temporaryPassword } = await s.organisations.createReviewer(actor(request), request.body);
        const [row] = await listReviewers(s.db, {}).then((rows) => rows.filter((r) => r.account_id === accountId));
        void reply.header('cache-control', 'no-store');
        return reply.status(201).send({ ...presentReviewer(row!), temporaryPassword });
      },
    );
    app.post(
      '/admin/reviewers/:id/reset-password',
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: '重置审核用户密码（一次性密码）',
          params: idParamsSchema,
          response: { 200: z.object({ temporaryPassword: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return {
          temporaryPassword: await s.organisations.resetReviewerPassword(actor(request), Number(request.params.id)),
        };
      },
    );
  };
