import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import type { FileService } from './file.service';

export const fileRoutes = (deps: { files: FileService }): FastifyPluginAsyncZod =>
  signedIn(anyAccount, (app, actorOf) => {
    app.get(
      '/files/:id',
      { schema: { tags: ['files'], summary: '查看上传的文件（本人或平台管理员）', params: idParamsSchema } },
      async (request, reply) => {
        const file = await deps.files.open(await actorOf(request), Number(request.params.id));
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
          .header('cache-control', 'private, no-store')
          .send(file.content);
      },
    );
  });
