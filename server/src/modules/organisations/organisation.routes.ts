import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  batchBodySchema,
  batchParamsSchema,
  committeeBodySchema,
  committeeSchema,
  disabledBodySchema,
  hrBureauBodySchema,
  hrBureauSchema,
  idParamsSchema,
  keywordQuerySchema,
  okSchema,
  reviewerCreateBodySchema,
  reviewerCreatedSchema,
  reviewerQuerySchema,
  reviewerSchema,
  supervisorBodySchema,
  supervisorSchema,
} from '#common';
import { signedIn } from '../../http/actor-scope';
import type { OrganisationService } from './organisation.service';

const idReply = z.object({ id: z.string() });

/** The platform admin's pages for reviewer organisations and their accounts. */
export const organisationRoutes = (deps: { organisations: OrganisationService }): FastifyPluginAsyncZod =>
  signedIn(['admin'], (app, actorOf) => {
    const { organisations } = deps;
    const errors = { '4xx': apiErrorSchema };
    const tags = ['admin'];
    const ok = { ok: true as const };
    /** 停用/启用 and 删除 of one row: the body says which, the service says whether it may. */
    const stateRoutes = (
      path: string,
      what: string,
      disable: (actor: Awaited<ReturnType<typeof actorOf>>, id: number, disabled: boolean) => Promise<void>,
      remove: (actor: Awaited<ReturnType<typeof actorOf>>, id: number) => Promise<void>,
    ) => {
      app.put(
        `${path}/:id/disabled`,
        {
          schema: {
            tags,
            summary: `停用或启用${what}`,
            params: idParamsSchema,
            body: disabledBodySchema,
            response: { 200: okSchema, ...errors },
          },
        },
        async (request) => {
          await disable(await actorOf(request), Number(request.params.id), request.body.disabled);
          return ok;
        },
      );
      app.delete(
        `${path}/:id`,
        {
          schema: {
            tags,
            summary: `删除${what}（已被使用的不能删除，可以停用）`,
            params: idParamsSchema,
            response: { 200: okSchema, ...errors },
          },
        },
        async (request) => {
          await remove(await actorOf(request), Number(request.params.id));
          return ok;
        },
      );
    };

    app.get(
      '/admin/supervisors',
      {
        schema: {
          tags,
          summary: '主管部门列表',
          querystring: keywordQuerySchema,
          response: { 200: z.array(supervisorSchema), ...errors },
        },
      },
      async (request) => organisations.supervisors(await actorOf(request), request.query.keyword),
    );
    app.post(
      '/admin/supervisors',
      { schema: { tags, summary: '新增主管部门', body: supervisorBodySchema, response: { 201: idReply, ...errors } } },
      async (request, reply) =>
        reply
          .status(201)
          .send({ id: String(await organisations.saveSupervisor(await actorOf(request), request.body)) }),
    );
    app.put(
      '/admin/supervisors/:id',
      {
        schema: {
          tags,
          summary: '修改主管部门',
          params: idParamsSchema,
          body: supervisorBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await organisations.saveSupervisor(await actorOf(request), request.body, Number(request.params.id))),
      }),
    );
    stateRoutes('/admin/supervisors', '主管部门', organisations.setSupervisorDisabled, organisations.deleteSupervisor);

    app.get(
      '/admin/hr-bureaus',
      { schema: { tags, summary: '人社局列表', response: { 200: z.array(hrBureauSchema), ...errors } } },
      async (request) => organisations.hrBureaus(await actorOf(request)),
    );
    app.post(
      '/admin/hr-bureaus',
      {
        schema: {
          tags,
          summary: '新增人社局（县区、州市或省）',
          body: hrBureauBodySchema,
          response: { 201: idReply, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: String(await organisations.saveHrBureau(await actorOf(request), request.body)) }),
    );
    app.put(
      '/admin/hr-bureaus/:id',
      {
        schema: {
          tags,
          summary: '修改人社局',
          params: idParamsSchema,
          body: hrBureauBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await organisations.saveHrBureau(await actorOf(request), request.body, Number(request.params.id))),
      }),
    );
    stateRoutes('/admin/hr-bureaus', '人社局', organisations.setHrBureauDisabled, organisations.deleteHrBureau);

    app.get(
      '/admin/committees',
      { schema: { tags, summary: '评委会及其年度批次', response: { 200: z.array(committeeSchema), ...errors } } },
      async (request) => organisations.committees(await actorOf(request)),
    );
    app.post(
      '/admin/committees',
      { schema: { tags, summary: '新增评委会', body: committeeBodySchema, response: { 201: idReply, ...errors } } },
      async (request, reply) =>
        reply.status(201).send({ id: String(await organisations.saveCommittee(await actorOf(request), request.body)) }),
    );
    app.put(
      '/admin/committees/:id',
      {
        schema: {
          tags,
          summary: '修改评委会',
          params: idParamsSchema,
          body: committeeBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(await organisations.saveCommittee(await actorOf(request), request.body, Number(request.params.id))),
      }),
    );
    app.post(
      '/admin/committees/:id/batches',
      {
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
          id: String(await organisations.saveBatch(await actorOf(request), Number(request.params.id), request.body)),
        }),
    );
    app.put(
      '/admin/committees/:id/batches/:batchId',
      {
        schema: {
          tags,
          summary: '修改年度批次',
          params: batchParamsSchema,
          body: batchBodySchema,
          response: { 200: idReply, ...errors },
        },
      },
      async (request) => ({
        id: String(
          await organisations.saveBatch(
            await actorOf(request),
            Number(request.params.id),
            request.body,
            Number(request.params.batchId),
          ),
        ),
      }),
    );
    app.put(
      '/admin/committees/:id/batches/:batchId/disabled',
      {
        schema: {
          tags,
          summary: '停用或启用年度批次',
          params: batchParamsSchema,
          body: disabledBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        const { id, batchId } = request.params;
        await organisations.setBatchDisabled(
          await actorOf(request),
          Number(id),
          Number(batchId),
          request.body.disabled,
        );
        return ok;
      },
    );
    app.delete(
      '/admin/committees/:id/batches/:batchId',
      {
        schema: {
          tags,
          summary: '删除年度批次（已有申报的不能删除，可以停用）',
          params: batchParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await organisations.deleteBatch(
          await actorOf(request),
          Number(request.params.id),
          Number(request.params.batchId),
        );
        return ok;
      },
    );

    app.get(
      '/admin/reviewers',
      {
        schema: {
          tags,
          summary: '审核用户列表',
          querystring: reviewerQuerySchema,
          response: { 200: z.array(reviewerSchema), ...errors },
        },
      },
      async (request) => organisations.reviewers(await actorOf(request), request.query),
    );
    app.post(
      '/admin/reviewers',
      {
        schema: {
          tags,
          summary: '新增审核用户（返回一次性密码，首次登录须修改）',
          body: reviewerCreateBodySchema,
          response: { 201: reviewerCreatedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await organisations.addReviewer(await actorOf(request), request.body);
        void reply.header('cache-control', 'no-store');
        return reply.status(201).send(created);
      },
    );
    app.post(
      '/admin/reviewers/:id/reset-password',
      {
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
          temporaryPassword: await organisations.resetReviewerPassword(
            await actorOf(request),
            Number(request.params.id),
          ),
        };
      },
    );
  });
