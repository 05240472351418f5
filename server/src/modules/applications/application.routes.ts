import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  applicationChoicesBodySchema,
  applicationListItemSchema,
  applicationSchema,
  attachmentIdParamsSchema,
  attachmentParamsSchema,
  checkResultSchema,
  idParamsSchema,
  okSchema,
  reviewLogSchema,
  savedSchema,
  saveTableBodySchema,
  tableParamsSchema,
  versionBodySchema,
  type FormTableKey,
} from '#common';
import { AppError, notFound } from '../../domain/app-error';
import { anyAccount, authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';
import { mayView, workflowActorOf } from './application-access';

export const applicationRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const errors = { '4xx': apiErrorSchema };
    const applicantOnly = requireAccount(['applicant']);
    const tags = ['applications'];
    const accountOf = (request: unknown) => (request as AuthedRequest).auth.account;
    const actor = (request: unknown) => authedActor(request as AuthedRequest);

    /** The application if this account may see it; otherwise the same 404 as a missing one. */
    const visible = async (request: unknown, id: number) => {
      const row = await s.applications.load(id);
      const workflowActor = await workflowActorOf(s.db, accountOf(request), row);
      const participated =
        workflowActor.kind === 'reviewer' &&
        (await s.review.participated(row.id, workflowActor.orgKind, workflowActor.orgId));
      if (!mayView(row, workflowActor, participated)) throw notFound('申报不存在');
      return { row, workflowActor };
    };

    app.get(
      '/applications',
      {
        onRequest: applicantOnly,
        schema: { tags, summary: '我的申报', response: { 200: z.array(applicationListItemSchema), ...errors } },
      },
      async (request) => {
        const accountId = accountOf(request).id;
        const rows = await s.applications.listMine(accountId);
        return Promise.all(
          rows.map(async (row) =>
            applicationListItemSchema.parse(
              await s.applications.present(row, { kind: 'applicant', accountId, owns: true }),
            ),
          ),
        );
      },
    );

    app.post(
      '/applications',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '新建申报（申报评审或考核定职）',
          body: applicationChoicesBodySchema,
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ id: String(await s.applications.create(actor(request), request.body)) }),
    );

    app.get(
      '/applications/:id',
      {
        onRequest: requireAccount(anyAccount),
        schema: { tags, summary: '查看申报', params: idParamsSchema, response: { 200: applicationSchema, ...errors } },
      },
      async (request) => {
        const { row, workflowActor } = await visible(request, Number(request.params.id));
        return s.applications.present(row, workflowActor);
      },
    );

    app.put(
      '/applications/:id/choices',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '修改申报信息（仅草稿）',
          params: idParamsSchema,
          body: z.intersection(applicationChoicesBodySchema, versionBodySchema),
          response: { 200: savedSchema, ...errors },
        },
      },
      async (request) => {
        const saved = await s.applications.updateChoices(
          actor(request),
          Number(request.params.id),
          request.body.version,
          request.body,
        );
        return { version: saved.version, savedAt: saved.updated_at.toISOString() };
      },
    );

    app.put(
      '/applications/:id/tables/:table',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '保存一张表（草稿或返回修改时）',
          params: tableParamsSchema,
          body: saveTableBodySchema,
          response: { 200: savedSchema, ...errors },
        },
      },
      async (request) => {
        const saved = await s.applications.saveTable(
          actor(request),
          Number(request.params.id),
          request.params.table as FormTableKey,
          request.body.version,
          request.body.data,
        );
        return { version: saved.version, savedAt: saved.updated_at.toISOString() };
      },
    );

    app.post(
      '/applications/:id/attachments/:category',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '上传附件（PDF、JPG、PNG）',
          consumes: ['multipart/form-data'],
          params: attachmentParamsSchema,
          response: { 201: z.object({ id: z.string() }), ...errors },
        },
      },
      async (request, reply) => {
        const file = await request.file();
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
        const stored = await s.applications.addAttachment(
          actor(request),
          Number(request.params.id),
          request.params.category,
          { originalName: file.filename, content: await file.toBuffer() },
        );
        return reply.status(201).send({ id: String(stored.attachmentId) });
      },
    );

    app.delete(
      '/applications/:id/attachments/:attachmentId',
      {
        onRequest: applicantOnly,
        schema: { tags, summary: '删除附件', params: attachmentIdParamsSchema, response: { 200: okSchema, ...errors } },
      },
      async (request) => {
        await s.applications.removeAttachment(
          actor(request),
          Number(request.params.id),
          Number(request.params.attachmentId),
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/applications/:id/attachments/:attachmentId/file',
      {
        onRequest: requireAccount(anyAccount),
        schema: { tags, summary: '查看附件', params: attachmentIdParamsSchema },
      },
      async (request, reply) => {
        const { row } = await visible(request, Number(request.params.id));
        const file = await s.db
          .selectFrom('attachment')
          .innerJoin('stored_file', 'stored_file.id', 'attachment.stored_file_id')
          .select(['stored_file.storage_key', 'stored_file.content_type', 'stored_file.original_name'])
          .where('attachment.id', '=', Number(request.params.attachmentId))
          .where('attachment.application_id', '=', row.id)
          .executeTakeFirst();
        if (!file) throw notFound('附件不存在');
        return reply
          .header('content-type', file.content_type)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.original_name)}`)
          .header('cache-control', 'private, no-store')
          .send(await s.storage.get(file.storage_key));
      },
    );

    app.get(
      '/applications/:id/review-log',
      {
        onRequest: requireAccount(anyAccount),
        schema: {
          tags,
          summary: '审核记录（时间线）',
          params: idParamsSchema,
          response: { 200: reviewLogSchema, ...errors },
        },
      },
      async (request) => {
        const { row } = await visible(request, Number(request.params.id));
        return { entries: await s.review.timeline(row.id), whereNow: s.applications.whereNow(row) };
      },
    );

    app.get(
      '/applications/:id/check',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '提交前检查',
          params: idParamsSchema,
          response: { 200: checkResultSchema, ...errors },
        },
      },
      async (request) =>
        s.applications.check(await s.applications.own(accountOf(request).id, Number(request.params.id))),
    );

    app.post(
      '/applications/:id/submit',
      {
        onRequest: applicantOnly,
        schema: {
          tags,
          summary: '提交申报',
          params: idParamsSchema,
          body: versionBodySchema,
          response: { 200: applicationSchema, ...errors },
        },
      },
      async (request) => {
        await s.applications.submit(actor(request), Number(request.params.id), request.body.version);
        const { row, workflowActor } = await visible(request, Number(request.params.id));
        return s.applications.present(row, workflowActor);
      },
    );
  };
