import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountIdParamsSchema,
  adminSetPhoneBodySchema,
  adminUnitDetailSchema,
  adminUnitPageSchema,
  adminUnitQuerySchema,
  apiErrorSchema,
  idParamsSchema,
  okSchema,
} from '#common';
import { signedIn } from '../../http/actor-scope';
import type { AdminUnitService } from './admin-unit.service';

export const adminRoutes = (deps: { adminUnits: AdminUnitService }): FastifyPluginAsyncZod =>
  signedIn(['admin'], (app, actorOf) => {
    const errors = { '4xx': apiErrorSchema };

    app.get(
      '/admin/units',
      {
        schema: {
          tags: ['admin'],
          summary: '单位管理：查询单位',
          querystring: adminUnitQuerySchema,
          response: { 200: adminUnitPageSchema, ...errors },
        },
      },
      async (request) => deps.adminUnits.units(await actorOf(request), request.query),
    );

    app.post(
      '/admin/accounts/:accountId/unlock',
      {
        schema: {
          tags: ['admin'],
          summary: '解锁账号',
          params: accountIdParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deps.adminUnits.unlockAccount(await actorOf(request), Number(request.params.accountId));
        return { ok: true as const };
      },
    );

    app.get(
      '/admin/units/:id',
      {
        schema: {
          tags: ['admin'],
          summary: '单位管理：单位详情',
          params: idParamsSchema,
          response: { 200: adminUnitDetailSchema, ...errors },
        },
      },
      async (request) => deps.adminUnits.unit(await actorOf(request), Number(request.params.id)),
    );

    app.post(
      '/admin/units/:id/phone',
      {
        schema: {
          tags: ['admin'],
          summary: '为密码和手机号同时丢失的单位设置新手机号（线下核验营业执照后）',
          params: idParamsSchema,
          body: adminSetPhoneBodySchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await deps.adminUnits.setUnitPhone(await actorOf(request), Number(request.params.id), request.body);
        return { ok: true as const };
      },
    );
  });
