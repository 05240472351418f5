import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, phoneSchema, sendSmsBodySchema, sendSmsReplySchema } from '#common';
import type { Config } from '../../config';
import type { SmsCodeService } from './sms-code.service';
import type { SmsService } from './sms.service';

export const smsRoutes =
  (deps: { config: Config; sms: SmsService; smsCodes: SmsCodeService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/sms/codes',
      {
        config: { rateLimit: { max: deps.config.rateLimits.sms, timeWindow: 60_000 } },
        schema: {
          tags: ['sms'],
          summary: '获取短信验证码',
          body: sendSmsBodySchema,
          response: { 200: sendSmsReplySchema, '4xx': apiErrorSchema },
        },
      },
      async (request) => deps.smsCodes.request(request.body, request.auth?.account ?? null),
    );

    if (deps.config.devOutbox) {
      app.get(
        '/dev/sms-outbox',
        {
          schema: {
            tags: ['dev'],
            summary: '开发用短信发件箱（生产环境不存在）',
            querystring: z.object({ phone: phoneSchema.optional() }),
            response: {
              200: z.object({
                items: z.array(z.object({ phone: z.string(), content: z.string(), sentAt: z.string() })),
              }),
            },
          },
        },
        async (request) => deps.sms.outbox(request.query.phone),
      );
    }
  };
