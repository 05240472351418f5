import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addSupervisorBodySchema,
  apiErrorSchema,
  fileRefSchema,
  idParamsSchema,
  keywordQuerySchema,
  okSchema,
  openCommitteeSchema,
  supervisorSchema,
  unitInfoBodySchema,
  unitInfoSchema,
  unitReadinessSchema,
  unitSupervisorRowSchema,
} from '#common';
import { anyAccount } from '../../http/auth-guard';
import { signedIn } from '../../http/actor-scope';
import type { OrganisationService } from '../organisations/organisation.service';
import type { SupervisionService } from '../supervision/supervision.service';
import type { UnitInfoService } from './unit-info.service';

export const unitInfoRoutes =
  (deps: {
    unitInfo: UnitInfoService;
    supervision: SupervisionService;
    organisations: OrganisationService;
  }): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };

    await app.register(
      signedIn(['unit'], (scope, actorOf) => {
        scope.get(
          '/units/me/info',
          { schema: { tags: ['units'], summary: '单位信息', response: { 200: unitInfoSchema, ...errors } } },
          async (request) => deps.unitInfo.info(await actorOf(request)),
        );

        scope.put(
          '/units/me/info',
          {
            schema: {
              tags: ['units'],
              summary: '提交单位信息',
              body: unitInfoBodySchema,
              response: { 200: unitInfoSchema, ...errors },
            },
          },
          async (request) => deps.unitInfo.update(await actorOf(request), request.body),
        );

        scope.post(
          '/units/me/license',
          {
            schema: {
              tags: ['units'],
              summary: '上传组织机构代码证或营业执照（PDF、JPG、PNG）',
              consumes: ['multipart/form-data'],
              response: { 201: fileRefSchema, ...errors },
            },
          },
          async (request, reply) => {
            const file = await request.file();
            const upload = file && { originalName: file.filename, content: await file.toBuffer() };
            return reply.status(201).send(await deps.unitInfo.uploadLicense(await actorOf(request), upload));
          },
        );

        scope.get(
          '/units/me/readiness',
          {
            schema: {
              tags: ['units'],
              summary: '本单位人员能否提交申报，以及原因',
              response: { 200: unitReadinessSchema, ...errors },
            },
          },
          async (request) => deps.unitInfo.ownReadiness(await actorOf(request)),
        );

        scope.get(
          '/units/me/supervisors',
          {
            schema: {
              tags: ['units'],
              summary: '选择或变更主管单位：列表',
              response: { 200: z.array(unitSupervisorRowSchema), ...errors },
            },
          },
          async (request) => deps.supervision.listForUnit(await actorOf(request)),
        );

        scope.post(
          '/units/me/supervisors',
          {
            schema: {
              tags: ['units'],
              summary: '新增主管部门（待主管部门审核）',
              body: addSupervisorBodySchema,
              response: { 201: okSchema, ...errors },
            },
          },
          async (request, reply) => {
            await deps.supervision.add(await actorOf(request), Number(request.body.supervisorId));
            return reply.status(201).send({ ok: true as const });
          },
        );

        scope.post(
          '/units/me/supervisors/:id/default',
          {
            schema: {
              tags: ['units'],
              summary: '设为默认主管部门',
              params: idParamsSchema,
              response: { 200: okSchema, ...errors },
            },
          },
          async (request) => {
            await deps.supervision.setDefault(await actorOf(request), Number(request.params.id));
            return { ok: true as const };
          },
        );

        scope.delete(
          '/units/me/supervisors/:id',
          {
            schema: {
              tags: ['units'],
              summary: '删除/移除主管部门',
              params: idParamsSchema,
              response: { 200: z.object({ ok: z.literal(true), promotedId: z.string().nullable() }), ...errors },
            },
          },
          async (request) => ({
            ok: true as const,
            promotedId: await deps.supervision.remove(await actorOf(request), Number(request.params.id)),
          }),
        );
      }),
    );

    await app.register(
      signedIn(['unit', 'admin'], (scope, actorOf) => {
        scope.get(
          '/supervisors',
          {
            schema: {
              tags: ['units'],
              summary: '检索主管部门',
              querystring: keywordQuerySchema,
              response: { 200: z.array(supervisorSchema), ...errors },
            },
          },
          async (request) => deps.organisations.supervisors(await actorOf(request), request.query.keyword),
        );
      }),
    );

    await app.register(
      // Any signed-in account may look; the list depends on nobody, so no actor is resolved for it.
      signedIn(anyAccount, (scope) => {
        scope.get(
          '/committees/open',
          {
            schema: {
              tags: ['committees'],
              summary: '开评评委会：当前可申报的评委会',
              querystring: keywordQuerySchema,
              response: { 200: z.array(openCommitteeSchema), ...errors },
            },
          },
          async (request) => deps.organisations.openCommittees(request.query.keyword),
        );
      }),
    );
  };
