import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sheetContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import type { Config } from '../../config';
import type { SheetService } from './sheet.service';

export const sheetRoutes =
  (deps: { sheets: SheetService; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const { sheets, config } = deps;

    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        route(scope, api.sheet, async (request) => sheets.view(await actorOf(request), Number(request.params.id)));

        route(scope, api.pdf, async (request, reply) => {
          const pdf = await sheets.pdf(await actorOf(request), Number(request.params.id), {
            attachments: request.query.attachments,
            baseUrl: config.print.publicUrl ?? `${request.protocol}://${request.host}`,
          });
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
            .header('cache-control', 'private, no-store')
            .send(pdf.content);
        });
      }),
    );

    // Anyone holding a printed copy: no login; one address may check as often a minute as it may load
    // image captchas (RATE_LIMIT_CAPTCHA), far too few to guess a code of 79 random bits.
    route(app, api.verification, async (request) => sheets.verify(request.params.code), {
      config: { rateLimit: { max: config.rateLimits.captcha, timeWindow: 60_000 } },
    });
  };
