import { z } from 'zod';
import { existingPasswordSchema } from './fields.schema';
import { sessionAccountSchema } from './auth.schema';

/** The kinds of account that may (and by TWO_FACTOR_REQUIRED must) turn on 两步验证. */
export const twoFactorKinds = ['admin', 'reviewer', 'expert'] as const;
export type TwoFactorKind = (typeof twoFactorKinds)[number];

/**
 * What the login step takes: the 6 digits of the authenticator, or one recovery code (letters and digits,
 * the dashes optional). Both are checked on the server; here only their rough shape.
 */
export const twoFactorCodeSchema = z
  .string({ error: '请输入验证码' })
  .trim()
  .min(6, '请输入6位验证码或恢复码')
  .max(32, '验证码过长');

/** The 6 digits of the authenticator app, for enrolment and for turning it off. */
export const totpCodeSchema = z
  .string({ error: '请输入验证码' })
  .trim()
  .regex(/^\d{6}$/, '验证码为6位数字');

/** The password was right and the account has 两步验证: no session yet, a second call must follow. */
export const twoFactorChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  challengeId: z.string(),
  expiresAt: z.string(),
});
export type TwoFactorChallenge = z.infer<typeof twoFactorChallengeSchema>;

/** The answer of a login: signed in, or the second step to take. */
export const loginReplySchema = z.union([sessionAccountSchema, twoFactorChallengeSchema]);
export type LoginReply = z.infer<typeof loginReplySchema>;

export const twoFactorLoginBodySchema = z.object({
  challengeId: z.string({ error: '登录验证已失效，请重新登录' }).min(1).max(100),
  code: twoFactorCodeSchema,
});
export type TwoFactorLoginBody = z.infer<typeof twoFactorLoginBodySchema>;

export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  /** The platform requires it of this kind of account (TWO_FACTOR_REQUIRED). */
  required: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** A new secret to scan: shown until the owner confirms it with a code. */
export const twoFactorSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of `otpauthUri`, as a PNG data URL. */
  qrDataUrl: z.string(),
});
export type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;

export const twoFactorConfirmBodySchema = z.object({ code: totpCodeSchema });
export type TwoFactorConfirmBody = z.infer<typeof twoFactorConfirmBodySchema>;

/** Shown once: only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const twoFactorDisableBodySchema = z.object({ password: existingPasswordSchema, code: totpCodeSchema });
export type TwoFactorDisableBody = z.infer<typeof twoFactorDisableBodySchema>;
