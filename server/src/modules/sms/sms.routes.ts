import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { smsContract as api } from '#common';
import type { Config } from '../../config';
import { route } from '../../http/contract-route';
import type { SmsCodeService } from './sms-code.service';
import type { SmsService } from './sms.service';

export const smsRoutes =
  (deps: { config: Config; sms: SmsService; smsCodes: SmsCodeService }): FastifyPluginAsyncZod =>
  async (app) => {
    route(
      app,
      api.send,
      async (request) =>
        deps.smsCodes.request(request.body, { ip: request.ip, signedInAs: request.auth?.account ?? null }),
      {
        config: { rateLimit: { max: deps.config.rateLimits.sms, timeWindow: 60_000 } },
      },
    );

    if (deps.config.devOutbox) {
      route(app, api.outbox, async (request) => deps.sms.outbox(request.query.phone));
    }
  };
