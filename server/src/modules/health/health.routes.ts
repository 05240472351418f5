import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '#common';
import { AppError } from '../../domain/app-error';
import type { Services } from '../../services';

export const healthRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查：数据库可用时返回 ok',
          response: { 200: z.object({ status: z.literal('ok') }), '5xx': apiErrorSchema },
        },
      },
      async (request) => {
        try {
          await sql`select 1`.execute(s.db);
        } catch (error) {
          request.log.error({ err: error }, 'database did not answer');
          throw new AppError('UNAVAILABLE', '数据库暂不可用');
        }
        return { status: 'ok' as const };
      },
    );
  };
