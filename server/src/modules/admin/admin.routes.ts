import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountIdParamsSchema,
  adminSetPhoneBodySchema,
  adminUnitDetailSchema,
  adminUnitPageSchema,
  adminUnitQuerySchema,
  apiErrorSchema,
  idParamsSchema,
  maskPhone,
  okSchema,
} from '#common';
import { notFound } from '../../domain/app-error';
import { findRegion } from '../reference/region.repository';
import { findUnit } from '../units/unit.repository';
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
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          summary: '单位管理：查询单位',
          querystring: adminUnitQuerySchema,
          response: { 200: adminUnitPageSchema, ...errors },
        },
      },
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
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          summary: '解锁账号',
          params: accountIdParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        const authed = request as AuthedRequest;
        await s.accounts.unlock(
          authedActor(authed),
          { kind: 'admin', accountId: authed.auth.account.id, unitId: null },
          Number(request.params.accountId),
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/admin/units/:id',
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          summary: '单位管理：单位详情',
          params: idParamsSchema,
          response: { 200: adminUnitDetailSchema, ...errors },
        },
      },
      async (request) => {
        const unit = await findUnit(s.db, Number(request.params.id));
        if (!unit) throw notFound('单位不存在');
        const [account, region, supervisors] = await Promise.all([
          s.db
            .selectFrom('account')
            .select(['phone', 'locked_at'])
            .where('id', '=', unit.account_id)
            .executeTakeFirstOrThrow(),
          unit.region_code ? findRegion(s.db, unit.region_code) : undefined,
          s.supervision.listForUnit(unit.id),
        ]);
        return {
          unitId: String(unit.id),
          accountId: String(unit.account_id),
          unitName: unit.name,
          creditCode: unit.credit_code,
          nature: unit.nature,
          level: unit.level,
          regionFullName: region?.full_name ?? null,
          contactName: unit.contact_name,
          contactPhone: unit.contact_phone,
          phoneMasked: account.phone ? maskPhone(account.phone) : '',
          address: unit.address,
          locked: account.locked_at !== null,
          registeredAt: unit.created_at.toISOString(),
          supervisors: supervisors.map((x) => ({ name: x.supervisor_name, isDefault: x.is_default, status: x.status })),
        };
      },
    );

    app.post(
      '/admin/units/:id/phone',
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          summary: '为密码和手机号同时丢失的单位设置新手机号（线下核验营业执照后）',
          params: idParamsSchema,
          body: adminSetPhoneBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        const unit = await findUnit(s.db, Number(request.params.id));
        if (!unit) throw notFound('单位不存在');
        await s.accounts.setPhoneByPlatform(
          authedActor(request as AuthedRequest),
          unit.account_id,
          request.body.newPhone,
          request.body.reason,
        );
        return { ok: true as const };
      },
    );
  };
