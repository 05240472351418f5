import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  decisionBodySchema,
  decisionResultSchema,
  idParamsSchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewSummarySchema,
  unitOpinionBodySchema,
  unitOpinionSchema,
} from '#common';
import { signedIn } from '../../http/actor-scope';
import type { ReviewService } from './review.service';

const errors = { '4xx': apiErrorSchema };
const tags = ['review'];

export const reviewRoutes =
  (deps: { review: ReviewService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { review } = deps;

    await app.register(
      signedIn(['unit', 'reviewer'], (scope, actorOf) => {
        scope.get(
          '/review/summary',
          {
            schema: {
              tags,
              summary: '首页：本环节待审核的申报（按环节、按评委会）与最近的截止时间',
              response: { 200: reviewSummarySchema, ...errors },
            },
          },
          async (request) => review.summary(await actorOf(request)),
        );

        scope.get(
          '/review/desk',
          {
            schema: {
              tags,
              summary: '申报审核：在本环节等待审核的申报',
              querystring: reviewQuerySchema,
              response: { 200: reviewPageSchema, ...errors },
            },
          },
          async (request) => review.desk(await actorOf(request), request.query),
        );

        scope.get(
          '/review/records',
          {
            schema: {
              tags,
              summary: '审核记录：本单位/本机构审核过的申报',
              querystring: reviewQuerySchema,
              response: { 200: reviewPageSchema, ...errors },
            },
          },
          async (request) => review.records(await actorOf(request), request.query),
        );

        scope.post(
          '/review/decisions',
          {
            schema: {
              tags,
              summary: '审核：通过 / 不通过 / 返回修改 / 重置流程（可勾选多人）',
              body: decisionBodySchema,
              response: { 200: decisionResultSchema, ...errors },
            },
          },
          async (request) => review.decide(await actorOf(request), request.body),
        );
      }),
    );

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        scope.get(
          '/review/applications/:id/unit-opinion',
          {
            schema: {
              tags,
              summary: '基层意见（表十二）',
              params: idParamsSchema,
              response: { 200: unitOpinionSchema, ...errors },
            },
          },
          async (request) => review.unitOpinion(await actorOf(request), Number(request.params.id)),
        );

        scope.put(
          '/review/applications/:id/unit-opinion',
          {
            schema: {
              tags,
              summary: '保存基层意见（表十二，1000字以内）',
              params: idParamsSchema,
              body: unitOpinionBodySchema,
              response: { 200: unitOpinionSchema, ...errors },
            },
          },
          async (request) =>
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
