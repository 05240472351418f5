import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  applicantProfileBodySchema,
  applicantProfileSchema,
  applicantRegisterBodySchema,
  chooseUnitBodySchema,
  okSchema,
  unitReadinessSchema,
  unitSearchQuerySchema,
  unitSearchRowSchema,
} from '#common';
import type { Config } from '../../config';
import { anonymousActor } from '../../domain/actor';
import { signedIn } from '../../http/actor-scope';
import type { ApplicantService } from './applicant.service';

export const applicantRoutes =
  (deps: { config: Config; applicants: ApplicantService }): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const tags = ['applicants'];

    app.post(
      '/applicants/register',
      {
        config: { rateLimit: { max: deps.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: '个人用户注册',
          body: applicantRegisterBodySchema,
          response: { 201: z.object({ accountId: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await deps.applicants.register(anonymousActor(request.ip), request.body)),
    );

    await app.register(
      signedIn(['applicant'], (scope, actorOf) => {
        scope.get(
          '/applicants/me',
          { schema: { tags, summary: '个人信息', response: { 200: applicantProfileSchema, ...errors } } },
          async (request) => deps.applicants.profile(await actorOf(request)),
        );

        scope.put(
          '/applicants/me',
          {
            schema: {
              tags,
              summary: '修改个人信息',
              body: applicantProfileBodySchema,
              response: { 200: okSchema, ...errors },
            },
          },
          async (request) => {
            await deps.applicants.rename(await actorOf(request), request.body.name);
            return { ok: true as const };
          },
        );

        scope.get(
          '/applicants/unit-search',
          {
            schema: {
              tags,
              summary: '选择单位：按单位名称或统一社会信用代码检索',
              querystring: unitSearchQuerySchema,
              response: { 200: z.array(unitSearchRowSchema), ...errors },
            },
          },
          async (request) => deps.applicants.searchUnits(request.query.keyword),
        );

        scope.post(
          '/applicants/me/unit',
          {
            schema: { tags, summary: '选择单位', body: chooseUnitBodySchema, response: { 200: okSchema, ...errors } },
          },
          async (request) => {
            await deps.applicants.chooseUnit(await actorOf(request), Number(request.body.unitId));
            return { ok: true as const };
          },
        );

        scope.get(
          '/applicants/me/unit-readiness',
          {
            schema: {
              tags,
              summary: '所选单位是否允许提交申报，以及原因',
              response: { 200: unitReadinessSchema.nullable(), ...errors },
            },
          },
          async (request) => deps.applicants.unitReadiness(await actorOf(request)),
        );
      }),
    );
  };
