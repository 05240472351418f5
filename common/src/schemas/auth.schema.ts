import { z } from 'zod';
import { accountKinds, smsPurposes } from '../enums';
import {
  captchaAnswerSchema,
  creditCodeSchema,
  existingPasswordSchema,
  passwordSchema,
  phoneSchema,
  smsCodeSchema,
} from './fields.schema';

const samePassword = (password: string, confirm: string) => password === confirm;
const mismatch = { message: '两次输入的密码不一致', path: ['confirmPassword'] };

export const captchaSchema = z.object({ captchaId: z.uuid(), svg: z.string() });
export type Captcha = z.infer<typeof captchaSchema>;

/** The three tabs of the login page; the platform admin has a page of its own. */
export const loginKinds = ['applicant', 'unit', 'reviewer', 'expert'] as const;

export const loginBodySchema = z.object({
  kind: z.enum(loginKinds, { error: '请选择用户类型' }),
  username: z
    .string({ error: '请输入用户名/手机号/社会信用代码' })
    .trim()
    .min(1, '请输入用户名/手机号/社会信用代码')
    .max(64),
  password: existingPasswordSchema,
  ...captchaAnswerSchema,
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const adminLoginBodySchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64),
  password: existingPasswordSchema,
  ...captchaAnswerSchema,
});
export type AdminLoginBody = z.infer<typeof adminLoginBodySchema>;

export const sessionAccountSchema = z.object({
  id: z.string(),
  kind: z.enum(accountKinds),
  displayName: z.string(),
  loginName: z.string(),
  phoneMasked: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** TWO_FACTOR_REQUIRED names this kind and it has no second factor yet: only 两步验证 opens. */
  mustEnrolTwoFactor: z.boolean(),
});
export type SessionAccount = z.infer<typeof sessionAccountSchema>;

export const sessionSchema = z.object({
  account: sessionAccountSchema.nullable(),
  /** The browser held a session that has ended (timeout or logout elsewhere): the page says so. */
  sessionExpired: z.boolean(),
  csrfToken: z.string(),
  /** Codes a phone may receive per Beijing day (SMS_DAILY_LIMIT): the forms' tip says it. */
  smsDailyLimit: z.number().int(),
  demo: z
    .object({
      credentials: z.array(
        z.object({ kind: z.enum(accountKinds), username: z.string(), password: z.string(), note: z.string() }),
      ),
    })
    .nullable(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

/**
 * 获取验证码, behind the image captcha so that a script cannot spend a stranger's three daily codes. The
 * answer is the same whether or not the phone has an account: what it has is said to whoever holds it.
 */
export const sendSmsBodySchema = z.object({
  phone: phoneSchema,
  purpose: z.enum(smsPurposes, { error: '验证码用途不正确' }),
  ...captchaAnswerSchema,
});
export type SendSmsBody = z.infer<typeof sendSmsBodySchema>;

export const sendSmsReplySchema = z.object({
  ok: z.literal(true),
  /** Seconds before another code may be asked for this phone. */
  resendAfterSeconds: z.number().int(),
  remainingToday: z.number().int(),
});
export type SendSmsReply = z.infer<typeof sendSmsReplySchema>;

/** The development SMS outbox (absent in production): the codes that would have been texted. */
export const smsOutboxQuerySchema = z.object({ phone: phoneSchema.optional() });
export const outboxItemSchema = z.object({ phone: z.string(), content: z.string(), sentAt: z.string() });
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const smsOutboxSchema = z.object({ items: z.array(outboxItemSchema) });

export const unitRegisterBodySchema = z
  .object({
    unitName: z
      .string({ error: '请输入单位名称' })
      .trim()
      .min(2, '单位名称至少2个字')
      .max(100, '单位名称不超过100个字'),
    creditCode: creditCodeSchema,
    contactName: z.string({ error: '请输入联系人' }).trim().min(1, '请输入联系人').max(30, '联系人不超过30个字'),
    phone: phoneSchema,
    smsCode: smsCodeSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: '请再次输入密码' }),
  })
  .refine((b) => samePassword(b.password, b.confirmPassword), mismatch);
export type UnitRegisterBody = z.infer<typeof unitRegisterBodySchema>;

export const resetPasswordBodySchema = z
  .object({
    kind: z.enum(['unit', 'applicant']).default('unit'),
    phone: phoneSchema,
    smsCode: smsCodeSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: '请再次输入密码' }),
  })
  .refine((b) => samePassword(b.password, b.confirmPassword), mismatch);
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const changePasswordBodySchema = z
  .object({
    oldPassword: existingPasswordSchema,
    newPassword: passwordSchema,
    confirmNewPassword: z.string({ error: '请再次确认新密码' }),
    ...captchaAnswerSchema,
  })
  .refine((b) => samePassword(b.newPassword, b.confirmNewPassword), {
    message: '两次输入的新密码不一致',
    path: ['confirmNewPassword'],
  })
  .refine((b) => b.oldPassword !== b.newPassword, { message: '新密码不能与旧密码相同', path: ['newPassword'] });
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const changePhoneBodySchema = z.object({ newPhone: phoneSchema, smsCode: smsCodeSchema });
export type ChangePhoneBody = z.infer<typeof changePhoneBodySchema>;

export const phoneReplySchema = z.object({ phone: z.string() });

/** What the unit's pages show of the unit itself (the 单位基本信息 card grows with the units issue). */
export const unitSummarySchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;
