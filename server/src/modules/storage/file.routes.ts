import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '#common';
import { notFound } from '../../domain/app-error';
import { anyAccount, requireAccount, type AuthedRequest } from '../../http/auth-guard';
import type { Services } from '../../services';

export const fileRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/files/:id',
      {
        onRequest: requireAccount(anyAccount),
        schema: { tags: ['files'], summary: '查看上传的文件（本人或平台管理员）', params: idParamsSchema },
      },
      async (request, reply) => {
        const account = (request as AuthedRequest).auth.account;
        const file = await s.db
          .selectFrom('stored_file')
          .selectAll()
          .where('id', '=', Number(request.params.id))
          .executeTakeFirst();
        // Someone else's file answers exactly as a missing one.
        if (!file || (file.owner_account_id !== account.id && account.kind !== 'admin')) throw notFound('文件不存在');
        const name = encodeURIComponent(file.original_name);
        return reply
          .header('content-type', file.content_type)
          .header('content-disposition', `inline; filename*=UTF-8''${name}`)
          .header('cache-control', 'private, no-store')
          .send(await s.storage.get(file.storage_key));
      },
    );
  };
