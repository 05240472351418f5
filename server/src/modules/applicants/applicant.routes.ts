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
import { auditActorOf, authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { findUnit } from '../units/unit.repository';
import { findApplicant } from './applicant.service';

export const applicantRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const applicantOnly = requireAccount(['applicant']);
    const tags = ['applicants'];

    app.post(
      '/applicants/register',
      {
        config: { rateLimit: { max: s.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags,
          summary: '个人用户注册',
          body: applicantRegisterBodySchema,
          response: { 201: z.object({ accountId: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ accountId: String(await s.applicants.register(auditActorOf(request), request.body)) }),
    );

    app.get(
      '/applicants/me',
      {
        onRequest: applicantOnly,
        schema: { tags, summary: '个人信息', response: { 200: applicantProfileSchema, ...errors } },
      },
      async (request) => s.applicants.profile((request as AuthedRequest).auth.account.id),
    );

    app.put(
      '/applicants/me',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '修改个人信息',
          body: applicantProfileBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.applicants.rename(authedActor(request as AuthedRequest), request.body.name);
        return { ok: true as const };
      },
    );

    app.get(
      '/applicants/unit-search',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '选择单位：按单位名称或统一社会信用代码检索',
          querystring: unitSearchQuerySchema,
          response: { 200: z.array(unitSearchRowSchema), ...errors },
        },
      },
      async (request) =>
        (await s.applicants.searchUnits(request.query.keyword)).map((u) => ({
          unitId: String(u.id),
          unitName: u.name,
          creditCode: u.credit_code,
        })),
    );

    app.post(
      '/applicants/me/unit',
      {
        onRequest: applicantOnly,
        schema: { tags, summary: '选择单位', body: chooseUnitBodySchema, response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await s.applicants.chooseUnit(authedActor(request as AuthedRequest), Number(request.body.unitId));
        return { ok: true as const };
      },
    );

    app.get(
      '/applicants/me/unit-readiness',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '所选单位是否允许提交申报，以及原因',
          response: { 200: unitReadinessSchema.nullable(), ...errors },
        },
      },
      async (request) => {
        const person = await findApplicant(s.db, (request as AuthedRequest).auth.account.id);
        const unit = person?.unit_id ? await findUnit(s.db, person.unit_id) : undefined;
        return unit ? s.unitInfo.readiness(unit) : null;
      },
    );
  };
