import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountIdParamsSchema, adminUnitPageSchema, adminUnitQuerySchema, apiErrorSchema, maskPhone, okSchema } from '#common';
import { authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { searchUnits } from './admin.repository';

export const adminRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const adminOnly = requireAccount(['admin']);
    const errors = { '4xx': apiErrorSchema };

    app.get(
      '/admin/units',
      { preHandler: adminOnly, schema: { tags: ['admin'], summary: '单位管理：查询单位', querystring: adminUnitQuerySchema, response: { 200: adminUnitPageSchema, ...errors } } },
      async (request) => {
        const { rows, total } = await searchUnits(s.db, request.query);
        return {
          items: rows.map((r) => ({
            unitId: String(r.unitId),
            accountId: String(r.accountId),
            unitName: r.name,
            creditCode: r.credit_code,
            contactName: r.contact_name,
            phoneMasked: r.phone ? maskPhone(r.phone) : '',
            locked: r.locked_at !== null,
            lockedAt: r.locked_at?.toISOString() ?? null,
            registeredAt: r.created_at.toISOString(),
          })),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.post(
      '/admin/accounts/:accountId/unlock',
      { preHandler: adminOnly, schema: { tags: ['admin'], summary: '解锁账号', params: accountIdParamsSchema, response: { 200: okSchema, ...errors } } },
      async (request) => {
        const authed = request as AuthedRequest;
        await s.accounts.unlock(authedActor(authed), { kind: 'admin', accountId: authed.auth.account.id, unitId: null }, Number(request.params.accountId));
        return { ok: true as const };
      },
    );
  };
