import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { certificatesContract as api } from '#common';
import { signedIn } from '../../http/actor-scope';
import { anyAccount } from '../../http/auth-guard';
import { route } from '../../http/contract-route';
import type { Config } from '../../config';
import type { CertificateService } from './certificate.service';

export const certificateRoutes =
  (deps: { certificates: CertificateService; config: Config }): FastifyPluginAsyncZod =>
  async (app) => {
    const { certificates, config } = deps;

    await app.register(
      signedIn(anyAccount, (scope, actorOf) => {
        route(scope, api.ofApplication, async (request) =>
          certificates.ofApplication(await actorOf(request), Number(request.params.id)),
        );

        route(scope, api.pdf, async (request, reply) => {
          const pdf = await certificates.pdf(await actorOf(request), Number(request.params.id), {
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

    await app.register(
      signedIn(['reviewer'], (scope, actorOf) => {
        route(scope, api.revoke, async (request) =>
          certificates.revoke(await actorOf(request), Number(request.params.id), request.body),
        );
      }),
    );

    // Anyone holding a certificate: no login; one address may check as often a minute as it may load
    // image captchas (RATE_LIMIT_CAPTCHA), and only number and full name together find one.
    route(app, api.verify, async (request) => certificates.verify(request.query), {
      config: { rateLimit: { max: config.rateLimits.captcha, timeWindow: 60_000 } },
    });
  };
