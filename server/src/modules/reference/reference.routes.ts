import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiErrorSchema,
  regionQuerySchema,
  regionSchema,
  seriesSchema,
  specialtyCreateSchema,
  specialtyQuerySchema,
  specialtySchema,
} from '#common';
import type { SpecialtyTable } from '../../db/schema';
import { AppError, notFound } from '../../domain/app-error';
import { authedActor, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import { uniqueViolation } from '../../db/unique-violation';
import { appendAudit } from '../audit/audit.repository';
import type { Services } from '../../services';
import { childRegions } from './region.repository';
import { contains } from '../../db/contains';

const presentSpecialty = (s: Pick<SpecialtyTable, 'name' | 'depth' | 'parent_id' | 'path_name'> & { id: number }) => ({
  id: String(s.id),
  name: s.name,
  depth: s.depth,
  parentId: s.parent_id === null ? null : String(s.parent_id),
  pathName: s.path_name,
});

export const referenceRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/regions',
      {
        schema: {
          tags: ['reference'],
          summary: '行政区域（不带 parentCode 为省级）',
          querystring: regionQuerySchema,
          response: { 200: z.array(regionSchema) },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'public, max-age=3600');
        const rows = await childRegions(s.db, request.query.parentCode ?? null);
        return rows.map((r) => ({
          code: r.code,
          name: r.name,
          fullName: r.full_name,
          level: r.level,
          leaf: r.level === 'county',
        }));
      },
    );

    app.get(
      '/series',
      { schema: { tags: ['reference'], summary: '职称系列及其职称', response: { 200: z.array(seriesSchema) } } },
      async () => {
        const [series, titles] = await Promise.all([
          s.db.selectFrom('series').selectAll().orderBy('sort_order').execute(),
          s.db.selectFrom('title').selectAll().orderBy('sort_order').execute(),
        ]);
        return series.map((x) => ({
          code: x.code,
          name: x.name,
          titles: titles
            .filter((t) => t.series_code === x.code)
            .map((t) => ({ id: String(t.id), name: t.name, level: t.level, gradeLabel: t.grade_label })),
        }));
      },
    );

    app.get(
      '/specialties',
      {
        schema: {
          tags: ['reference'],
          summary: '专业字典：按关键字检索或按上级浏览',
          querystring: specialtyQuerySchema,
          response: { 200: z.array(specialtySchema) },
        },
      },
      async (request) => {
        const { keyword, parentId, depth } = request.query;
        let q = s.db.selectFrom('specialty').select(['id', 'name', 'depth', 'parent_id', 'path_name']);
        if (keyword) q = q.where('path_name', 'like', contains(keyword));
        if (parentId) q = q.where('parent_id', '=', Number(parentId));
        else if (!keyword) q = q.where('parent_id', 'is', null);
        if (depth) q = q.where('depth', '=', depth);
        const rows = await q.orderBy('path_name').limit(50).execute();
        return rows.map(presentSpecialty);
      },
    );

    app.post(
      '/admin/specialties',
      {
        onRequest: requireAccount(['admin']),
        schema: {
          tags: ['admin'],
          summary: '添加专业（管理员，FAQ §7.5）',
          body: specialtyCreateSchema,
          response: { 201: specialtySchema, '4xx': apiErrorSchema },
        },
      },
      async (request, reply) => {
        const { parentId, name } = request.body;
        const parent = parentId
          ? await s.db.selectFrom('specialty').selectAll().where('id', '=', Number(parentId)).executeTakeFirst()
          : null;
        if (parentId && !parent) throw notFound('上级专业不存在');
        if (parent && parent.depth >= 3) throw new AppError('RULE_VIOLATED', '专业字典只有三级：三级学科下不能再添加');
        try {
          const row = await s.db.transaction().execute(async (trx) => {
            const now = s.clock.now();
            const created = await trx
              .insertInto('specialty')
              .values({
                parent_id: parent?.id ?? null,
                depth: (parent?.depth ?? 0) + 1,
                name,
                path_name: parent ? `${parent.path_name}—${name}` : name,
                created_at: now,
                created_by: (request as AuthedRequest).auth.account.id,
              })
              .returning(['id', 'name', 'depth', 'parent_id', 'path_name'])
              .executeTakeFirstOrThrow();
            await appendAudit(trx, authedActor(request as AuthedRequest), now, {
              action: 'specialty.create',
              objectType: 'specialty',
              objectId: created.id,
              detail: { pathName: created.path_name },
            });
            return created;
          });
          return reply.status(201).send(presentSpecialty(row));
        } catch (error) {
          if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', '该专业已存在');
          throw error;
        }
      },
    );
  };
