import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationsContract as api, applicationListItemSchema, type FormTableKey } from '#common';
import { AppError } from '../../domain/app-error';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import { readUploadedFile } from '../../http/uploaded-file';
import { sendFile } from '../../http/send-file';
import type { ApplicationService } from './application.service';
import type { AttachmentService } from './attachment.service';

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
        route(scope, api.listMine, async (request) => {
          const list = await applications.listMine(await actorOf(request));
          return list.map((item) => applicationListItemSchema.parse(item));
        });

        route(scope, api.create, async (request) => ({
          id: String(await applications.create(await actorOf(request), request.body)),
        }));

        route(scope, api.saveChoices, async (request) =>
          saved(
            await applications.updateChoices(
              await actorOf(request),
              Number(request.params.id),
              request.body.version,
              request.body,
            ),
          ),
        );

        route(scope, api.saveTable, async (request) =>
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

        route(scope, api.upload, async (request) => {
          const file = await readUploadedFile(request);
          if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
          const stored = await attachments.add(
            await actorOf(request),
            Number(request.params.id),
            request.params.category,
            file,
          );
          return { id: String(stored.attachmentId) };
        });

        route(scope, api.removeAttachment, async (request) => {
          await attachments.remove(
            await actorOf(request),
            Number(request.params.id),
            Number(request.params.attachmentId),
          );
          return { ok: true as const };
        });

        route(scope, api.check, async (request) =>
          applications.check(await actorOf(request), Number(request.params.id)),
        );

        route(scope, api.submit, async (request) =>
          applications.submit(await actorOf(request), Number(request.params.id), request.body.version),
        );
      }),
    );

    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        route(scope, api.get, async (request) => applications.view(await actorOf(request), Number(request.params.id)));

        route(scope, api.attachmentFile, async (request, reply) =>
          sendFile(
            reply,
            await attachments.open(
              await actorOf(request),
              Number(request.params.id),
              Number(request.params.attachmentId),
            ),
          ),
        );

        route(scope, api.reviewLog, async (request) =>
          applications.reviewLog(await actorOf(request), Number(request.params.id)),
        );
      }),
    );
  };
