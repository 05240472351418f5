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
import { signedIn } from '../../http/actor-scope';
import type { ReferenceService } from './reference.service';

export const referenceRoutes =
  (deps: { reference: ReferenceService }): FastifyPluginAsyncZod =>
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
        return deps.reference.regions(request.query.parentCode ?? null);
      },
    );

    app.get(
      '/series',
      { schema: { tags: ['reference'], summary: '职称系列及其职称', response: { 200: z.array(seriesSchema) } } },
      async () => deps.reference.series(),
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
      async (request) => deps.reference.specialties(request.query),
    );

    await app.register(
      signedIn(['admin'], (scope, actorOf) => {
        scope.post(
          '/admin/specialties',
          {
            schema: {
              tags: ['admin'],
              summary: '添加专业（管理员，FAQ §7.5）',
              body: specialtyCreateSchema,
              response: { 201: specialtySchema, '4xx': apiErrorSchema },
            },
          },
          async (request, reply) =>
            reply.status(201).send(await deps.reference.addSpecialty(await actorOf(request), request.body)),
        );
      }),
    );
  };
