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
import { AppError } from '../../domain/app-error';
import { anyAccount, authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { listSupervisors, openBatches } from '../organisations/organisation.repository';

export const unitInfoRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const unitOnly = requireAccount(['unit']);
    const ownUnit = (request: unknown) => s.unitInfo.requireOwnUnit((request as AuthedRequest).auth.account.id);

    app.get(
      '/units/me/info',
      {
        onRequest: unitOnly,
        schema: { tags: ['units'], summary: '单位信息', response: { 200: unitInfoSchema, ...errors } },
      },
      async (request) => s.unitInfo.info(await ownUnit(request)),
    );

    app.put(
      '/units/me/info',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '提交单位信息',
          body: unitInfoBodySchema,
          response: { 200: unitInfoSchema, ...errors },
        },
      },
      async (request) => {
        const unit = await ownUnit(request);
        await s.unitInfo.update(authedActor(request as AuthedRequest), unit, request.body);
        return s.unitInfo.info(await ownUnit(request));
      },
    );

    app.post(
      '/units/me/license',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '上传组织机构代码证或营业执照（PDF、JPG、PNG）',
          consumes: ['multipart/form-data'],
          response: { 201: fileRefSchema, ...errors },
        },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
        const stored = await s.uploads.store({
          ownerAccountId: (request as AuthedRequest).auth.account.id,
          purpose: 'unitLicense',
          originalName: file.filename,
          content: await file.toBuffer(),
        });
        return reply.status(201).send({
          id: String(stored.id),
          originalName: stored.originalName,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
        });
      },
    );

    app.get(
      '/units/me/readiness',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '本单位人员能否提交申报，以及原因',
          response: { 200: unitReadinessSchema, ...errors },
        },
      },
      async (request) => s.unitInfo.readiness(await ownUnit(request)),
    );

    app.get(
      '/units/me/supervisors',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '选择或变更主管单位：列表',
          response: { 200: z.array(unitSupervisorRowSchema), ...errors },
        },
      },
      async (request) => {
        const rows = await s.supervision.listForUnit((await ownUnit(request)).id);
        return rows.map((r) => ({
          id: String(r.id),
          supervisorId: String(r.supervisor_id),
          supervisorName: r.supervisor_name,
          isDefault: r.is_default,
          status: r.status,
          submittedAt: r.submitted_at.toISOString(),
          decidedAt: r.decided_at?.toISOString() ?? null,
          opinion: r.opinion,
        }));
      },
    );

    app.post(
      '/units/me/supervisors',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '新增主管部门（待主管部门审核）',
          body: addSupervisorBodySchema,
          response: { 201: okSchema, ...errors },
        },
      },
      async (request, reply) => {
        await s.supervision.add(
          authedActor(request as AuthedRequest),
          await ownUnit(request),
          Number(request.body.supervisorId),
        );
        return reply.status(201).send({ ok: true as const });
      },
    );

    app.post(
      '/units/me/supervisors/:id/default',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '设为默认主管部门',
          params: idParamsSchema,
          response: { 200: okSchema, ...errors },
        },
      },
      async (request) => {
        await s.supervision.setDefault(
          authedActor(request as AuthedRequest),
          await ownUnit(request),
          Number(request.params.id),
        );
        return { ok: true as const };
      },
    );

    app.delete(
      '/units/me/supervisors/:id',
      {
        onRequest: unitOnly,
        schema: {
          tags: ['units'],
          summary: '删除/移除主管部门',
          params: idParamsSchema,
          response: { 200: z.object({ ok: z.literal(true), promotedId: z.string().nullable() }), ...errors },
        },
      },
      async (request) => {
        const { promoted } = await s.supervision.remove(
          authedActor(request as AuthedRequest),
          await ownUnit(request),
          Number(request.params.id),
        );
        return { ok: true as const, promotedId: promoted === null ? null : String(promoted) };
      },
    );

    app.get(
      '/supervisors',
      {
        onRequest: requireAccount(['unit', 'admin']),
        schema: {
          tags: ['units'],
          summary: '检索主管部门',
          querystring: keywordQuerySchema,
          response: { 200: z.array(supervisorSchema), ...errors },
        },
      },
      async (request) => {
        const rows = await listSupervisors(s.db, request.query.keyword);
        return rows.map((r) => ({
          id: String(r.id),
          name: r.name,
          regionCode: r.region_code,
          regionName: r.region_name,
        }));
      },
    );

    app.get(
      '/committees/open',
      {
        onRequest: requireAccount(anyAccount),
        schema: {
          tags: ['committees'],
          summary: '开评评委会：当前可申报的评委会',
          querystring: keywordQuerySchema,
          response: { 200: z.array(openCommitteeSchema), ...errors },
        },
      },
      async (request) => {
        const rows = await openBatches(s.db, s.clock.now(), request.query.keyword);
        return rows.map((r) => ({
          committeeId: String(r.committee_id),
          batchId: String(r.batch_id),
          committeeName: r.committee_name,
          seriesName: r.series_name,
          year: r.year,
          opensAt: r.opens_at.toISOString(),
          closesAt: r.closes_at.toISOString(),
          notice: r.notice,
        }));
      },
    );
  };
