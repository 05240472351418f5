import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, unitRegisterBodySchema, unitSummarySchema } from '#common';
import { notFound } from '../../domain/app-error';
import { auditActorOf, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { registerUnit } from './unit-registration.service';

export const unitRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/units/register',
      {
        config: { rateLimit: { max: s.config.rateLimits.register, timeWindow: 60_000 } },
        schema: {
          tags: ['units'],
          summary: '单位注册',
          body: unitRegisterBodySchema,
          response: { 201: z.object({ unitId: z.string() }), '4xx': apiErrorSchema },
        },
      },
      async (request, reply) => {
        const { unitId } = await registerUnit(s, auditActorOf(request), request.body);
        return reply.status(201).send({ unitId: String(unitId) });
      },
    );

    app.get(
      '/units/me',
      {
        onRequest: requireAccount(['unit']),
        schema: {
          tags: ['units'],
          summary: '本单位基本信息',
          response: { 200: unitSummarySchema, '4xx': apiErrorSchema },
        },
      },
      async (request) => {
        const unit = await s.db
          .selectFrom('unit')
          .select(['id', 'name', 'credit_code', 'contact_name', 'contact_phone'])
          .where('account_id', '=', (request as AuthedRequest).auth.account.id)
          .executeTakeFirst();
        if (!unit) throw notFound('单位不存在');
        return {
          unitId: String(unit.id),
          unitName: unit.name,
          creditCode: unit.credit_code,
          contactName: unit.contact_name,
          contactPhone: unit.contact_phone,
        };
      },
    );
  };
