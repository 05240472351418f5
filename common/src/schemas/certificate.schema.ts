import { z } from 'zod';
import { titleLevels } from '../enums';
import { recordIdSchema } from './fields.schema';

/** 专业技术资格电子证书: one for each person whose title the HR department has confirmed. */
export const certificateSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  /** 证书编号, in the committee's pattern. */
  number: z.string(),
  holderName: z.string(),
  seriesName: z.string(),
  titleName: z.string(),
  titleLevel: z.enum(titleLevels),
  /** 取得资格时间, 'YYYY-MM-DD'. */
  qualifiedOn: z.string(),
  /** 文号 of the HR department's confirmation. */
  documentNumber: z.string(),
  committeeName: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** Whether the reader may revoke it (a reviewer of its committee, while it is valid). */
  canRevoke: z.boolean(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateIdParams = z.object({ id: recordIdSchema('证书不存在') });

export const revokeCertificateBodySchema = z.object({
  reason: z.string({ error: '请填写撤销原因' }).trim().min(2, '撤销原因至少2个字').max(200, '撤销原因不超过200个字'),
});
export type RevokeCertificateBody = z.input<typeof revokeCertificateBodySchema>;

export const certificateVerifyQuerySchema = z.object({
  number: z.string({ error: '请输入证书编号' }).trim().min(1, '请输入证书编号').max(64, '证书编号不超过64个字符'),
  name: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(50, '姓名不超过50个字'),
});

export const certificateStatuses = ['valid', 'revoked', 'notFound'] as const;

/**
 * What the public 证书核验 page says: the certificate only when number and full name both match, and
 * nothing more personal than this (no ID number, phone or unit).
 */
export const certificateVerificationSchema = z.object({
  valid: z.boolean(),
  status: z.enum(certificateStatuses),
  /** 证书有效 / 证书已撤销 / 未找到该证书，请核对证书编号和姓名. */
  message: z.string(),
  number: z.string().optional(),
  holderName: z.string().optional(),
  seriesName: z.string().optional(),
  titleName: z.string().optional(),
  titleLevel: z.enum(titleLevels).optional(),
  qualifiedOn: z.string().optional(),
  revokedAt: z.string().nullable().optional(),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;
