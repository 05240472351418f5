import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { filesContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import { sendFile } from '../../http/send-file';
import type { FileService } from './file.service';

export const fileRoutes = (deps: { files: FileService }): FastifyPluginAsyncZod =>
  signedIn(anyAccount, (app, actorOf) => {
    route(app, api.file, async (request, reply) =>
      sendFile(reply, await deps.files.open(await actorOf(request), request.params.id)),
    );
  });
