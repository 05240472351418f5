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
import { AppError } from '../../domain/app-error';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import type { ApplicationService } from './application.service';
import type { AttachmentService } from './attachment.service';

const errors = { '4xx': apiErrorSchema };
const tags = ['applications'];
const saved = (s: { version: number; updated_at: Date }) => ({
  version: s.version,
  savedAt: s.updated_at.toISOString(),
});

export const applicationRoutes =
  (deps: { applications: ApplicationService; attachments: AttachmentService }): FastifyPluginAsyncZod =>
  async (app) => {
    const { applications, attachments } = deps;

    await app.register(
      signedIn(['applicant'], (scope, actorOf) => {
        scope.get(
          '/applications',
          { schema: { tags, summary: '我的申报', response: { 200: z.array(applicationListItemSchema), ...errors } } },
          async (request) => {
            const list = await applications.listMine(await actorOf(request));
            return list.map((item) => applicationListItemSchema.parse(item));
          },
        );

        scope.post(
          '/applications',
          {
            schema: {
              tags,
              summary: '新建申报（申报评审或考核定职）',
              body: applicationChoicesBodySchema,
              response: { 201: z.object({ id: z.string() }), ...errors },
            },
          },
          async (request, reply) =>
            reply.status(201).send({ id: String(await applications.create(await actorOf(request), request.body)) }),
        );

        scope.put(
          '/applications/:id/choices',
          {
            schema: {
              tags,
              summary: '修改申报信息（仅草稿）',
              params: idParamsSchema,
              body: z.intersection(applicationChoicesBodySchema, versionBodySchema),
              response: { 200: savedSchema, ...errors },
            },
          },
          async (request) =>
            saved(
              await applications.updateChoices(
                await actorOf(request),
                Number(request.params.id),
                request.body.version,
                request.body,
              ),
            ),
        );

        scope.put(
          '/applications/:id/tables/:table',
          {
            schema: {
              tags,
              summary: '保存一张表（草稿或返回修改时）',
              params: tableParamsSchema,
              body: saveTableBodySchema,
              response: { 200: savedSchema, ...errors },
            },
          },
          async (request) =>
            saved(
              await applications.saveTable(
                await actorOf(request),
                Number(request.params.id),
                request.params.table as FormTableKey,
                request.body.version,
                request.body.data,
              ),
            ),
        );

        scope.post(
          '/applications/:id/attachments/:category',
          {
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
            const stored = await attachments.add(
              await actorOf(request),
              Number(request.params.id),
              request.params.category,
              {
                originalName: file.filename,
                content: await file.toBuffer(),
              },
            );
            return reply.status(201).send({ id: String(stored.attachmentId) });
          },
        );

        scope.delete(
          '/applications/:id/attachments/:attachmentId',
          {
            schema: {
              tags,
              summary: '删除附件',
              params: attachmentIdParamsSchema,
              response: { 200: okSchema, ...errors },
            },
          },
          async (request) => {
            await attachments.remove(
              await actorOf(request),
              Number(request.params.id),
              Number(request.params.attachmentId),
            );
            return { ok: true as const };
          },
        );

        scope.get(
          '/applications/:id/check',
          {
            schema: {
              tags,
              summary: '提交前检查',
              params: idParamsSchema,
              response: { 200: checkResultSchema, ...errors },
            },
          },
          async (request) => applications.check(await actorOf(request), Number(request.params.id)),
        );

        scope.post(
          '/applications/:id/submit',
          {
            schema: {
              tags,
              summary: '提交申报',
              params: idParamsSchema,
              body: versionBodySchema,
              response: { 200: applicationSchema, ...errors },
            },
          },
          async (request) =>
            applications.submit(await actorOf(request), Number(request.params.id), request.body.version),
        );
      }),
    );

    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        scope.get(
          '/applications/:id',
          {
            schema: {
              tags,
              summary: '查看申报',
              params: idParamsSchema,
              response: { 200: applicationSchema, ...errors },
            },
          },
          async (request) => applications.view(await actorOf(request), Number(request.params.id)),
        );

        scope.get(
          '/applications/:id/attachments/:attachmentId/file',
          { schema: { tags, summary: '查看附件', params: attachmentIdParamsSchema } },
          async (request, reply) => {
            const file = await attachments.open(
              await actorOf(request),
              Number(request.params.id),
              Number(request.params.attachmentId),
            );
            return reply
              .header('content-type', file.contentType)
              .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
              .header('cache-control', 'private, no-store')
              .send(file.content);
          },
        );

        scope.get(
          '/applications/:id/review-log',
          {
            schema: {
              tags,
              summary: '审核记录（时间线）',
              params: idParamsSchema,
              response: { 200: reviewLogSchema, ...errors },
            },
          },
          async (request) => applications.reviewLog(await actorOf(request), Number(request.params.id)),
        );
      }),
    );
  };
