import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  decisionBodySchema,
  decisionResultSchema,
  idParamsSchema,
  reviewPageSchema,
  reviewQuerySchema,
  unitOpinionBodySchema,
  unitOpinionSchema,
} from '#common';
import { AppError, notFound } from '../../domain/app-error';
import { requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';

export const reviewRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const deskAccounts = requireAccount(['unit', 'reviewer']);
    const tags = ['review'];
    const deskOf = (request: unknown) =>
      s.review.deskOf((request as AuthedRequest).auth.account, (request as AuthedRequest).ip);

    app.get(
      '/review/desk',
      {
        onRequest: deskAccounts,
        schema: {
          tags,
          summary: '申报审核：在本环节等待审核的申报',
          querystring: reviewQuerySchema,
          response: { 200: reviewPageSchema, ...errors },
        },
      },
      async (request) => s.review.desk(await deskOf(request), request.query),
    );

    app.get(
      '/review/records',
      {
        onRequest: deskAccounts,
        schema: {
          tags,
          summary: '审核记录：本单位/本机构审核过的申报',
          querystring: reviewQuerySchema,
          response: { 200: reviewPageSchema, ...errors },
        },
      },
      async (request) => s.review.records(await deskOf(request), request.query),
    );

    app.post(
      '/review/decisions',
      {
        onRequest: deskAccounts,
        schema: {
          tags,
          summary: '审核：通过 / 不通过 / 返回修改 / 重置流程（可勾选多人）',
          body: decisionBodySchema,
          response: { 200: decisionResultSchema, ...errors },
        },
      },
      async (request) => {
        const desk = await deskOf(request);
        const results = await s.review.decide(desk, request.body);
        const [only] = results;
        // One application decided: its refusal is the answer, with its new state when it changed meanwhile.
        if (results.length === 1 && only && !only.ok) {
          const details =
            only.code === 'CONFLICT'
              ? {
                  application: await s.applications.present(
                    await s.applications.load(Number(only.id)),
                    desk.workflowActor,
                  ),
                }
              : undefined;
          throw new AppError((only.code ?? 'RULE_VIOLATED') as 'CONFLICT', only.message ?? '审核失败', details);
        }
        return { results };
      },
    );

    app.get(
      '/review/applications/:id/unit-opinion',
      {
        onRequest: requireAccount(['unit']),
        schema: {
          tags,
          summary: '基层意见（表十二）',
          params: idParamsSchema,
          response: { 200: unitOpinionSchema, ...errors },
        },
      },
      async (request) => {
        const desk = await deskOf(request);
        const row = await s.applications.load(Number(request.params.id));
        if (row.unit_id !== desk.orgId || row.submitted_at === null) throw notFound('申报不存在');
        return { unitOpinion: row.unit_opinion, version: row.version };
      },
    );

    app.put(
      '/review/applications/:id/unit-opinion',
      {
        onRequest: requireAccount(['unit']),
        schema: {
          tags,
          summary: '保存基层意见（表十二，1000字以内）',
          params: idParamsSchema,
          body: unitOpinionBodySchema,
          response: { 200: unitOpinionSchema, ...errors },
        },
      },
      async (request) => {
        const version = await s.review.saveUnitOpinion(
          await deskOf(request),
          Number(request.params.id),
          request.body.version,
          request.body.unitOpinion,
        );
        return { unitOpinion: request.body.unitOpinion, version };
      },
    );
  };
