import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, phoneSchema, sendSmsBodySchema, sendSmsReplySchema, type SmsPurpose } from '#common';
import { AppError } from '../../domain/app-error';
import type { Services } from '../../services';

export const smsRoutes =
  (s: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/sms/codes',
      {
        config: { rateLimit: { max: s.config.rateLimits.sms, timeWindow: 60_000 } },
        schema: {
          tags: ['sms'],
          summary: '获取短信验证码',
          body: sendSmsBodySchema,
          response: { 200: sendSmsReplySchema, '4xx': apiErrorSchema },
        },
      },
      async (request) => {
        const { phone, purpose, kind } = request.body;
        // Each purpose refuses a phone that could not use the code, before one of its three daily sends is spent.
        const checks: Record<SmsPurpose, () => Promise<void>> = {
          unitRegister: () => s.accounts.assertPhoneFree('unit', phone),
          applicantRegister: () => s.accounts.assertPhoneFree('applicant', phone),
          resetPassword: async () => {
            if (kind) return s.accounts.assertPhoneRegistered(kind, phone);
            const unit = await s.accounts.assertPhoneRegistered('unit', phone).then(
              () => true,
              () => false,
            );
            if (!unit) await s.accounts.assertPhoneRegistered('applicant', phone);
          },
          changePhone: async () => {
            const account = request.auth?.account;
            if (!account) throw new AppError('UNAUTHENTICATED', '请先登录');
            await s.accounts.assertPhoneFree(account.kind, phone);
          },
        };
        await checks[purpose]();
        return { ok: true as const, ...(await s.sms.sendCode(phone, purpose)) };
      },
    );

    if (s.config.devOutbox) {
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
        async (request) => {
          let q = s.db
            .selectFrom('sms_outbox')
            .select(['phone', 'content', 'created_at'])
            .orderBy('id', 'desc')
            .limit(50);
          if (request.query.phone) q = q.where('phone', '=', request.query.phone);
          const rows = await q.execute();
          return {
            items: rows.map((r) => ({ phone: r.phone, content: r.content, sentAt: r.created_at.toISOString() })),
          };
        },
      );
    }
  };
