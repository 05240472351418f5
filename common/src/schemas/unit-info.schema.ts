import { z } from 'zod';
import { recordIdSchema } from './fields.schema';
import { hrBureauLevelLabels, supervisorRequestStatuses, unitLevels, unitNatures } from '../enums';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

/** 单位信息 (manual §2.2). The licence is uploaded first; the form refers to it by id. */
export const unitInfoBodySchema = z.object({
  licenseFileId: z.uuid({ error: '请上传组织机构代码证或营业执照' }),
  nature: z.enum(unitNatures, { error: '请选择单位性质' }),
  level: z.enum(unitLevels, { error: '请选择单位等级' }),
  regionCode: z.string({ error: '请选择行政区域' }).regex(/^\d{6}$/, '请选择行政区域'),
  contactName: z.string({ error: '请输入联系人' }).trim().min(1, '请输入联系人').max(30, '联系人不超过30个字'),
  contactPhone: z
    .string({ error: '请输入联系电话' })
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入正确的手机号或座机号（如 0871-12345678）'),
  fax: optionalText(20, '传真不超过20个字符'),
  address: optionalText(200, '地址不超过200个字'),
  remark: optionalText(100, '备注不超过100个字'),
});
export type UnitInfoBody = z.input<typeof unitInfoBodySchema>;

/** A field of 单位信息 that is required and missing, by its label on the page. */
export const unitInfoRequiredLabels = {
  license: '组织机构代码证或营业执照',
  nature: '单位性质',
  level: '单位等级',
  region: '行政区域',
  contactName: '联系人',
  contactPhone: '联系电话',
} as const;

export const fileRefSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const unitInfoSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  nature: z.enum(unitNatures).nullable(),
  level: z.enum(unitLevels).nullable(),
  region: z.object({ code: z.string(), fullName: z.string(), path: z.array(z.string()) }).nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  fax: z.string().nullable(),
  address: z.string().nullable(),
  remark: z.string().nullable(),
  license: fileRefSchema.nullable(),
  complete: z.boolean(),
  missing: z.array(z.string()),
});
export type UnitInfo = z.infer<typeof unitInfoSchema>;

/** Whether the unit's people may submit, and every reason why not (manual §7.6–7.8). */
export const unitReadinessSchema = z.object({
  canSubmit: z.boolean(),
  blockers: z.array(
    z.object({
      code: z.enum(['UNIT_INFO_INCOMPLETE', 'SUPERVISOR_NOT_APPROVED', 'HR_BUREAU_NOT_FOUND']),
      message: z.string(),
    }),
  ),
  hrBureau: z
    .object({
      id: z.string(),
      name: z.string(),
      levelLabel: z.enum(Object.values(hrBureauLevelLabels) as [string, ...string[]]),
    })
    .nullable(),
});
export type UnitReadiness = z.infer<typeof unitReadinessSchema>;

export const unitSupervisorRowSchema = z.object({
  id: z.string(),
  supervisorId: z.string(),
  supervisorName: z.string(),
  isDefault: z.boolean(),
  status: z.enum(supervisorRequestStatuses),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
});
export type UnitSupervisorRow = z.infer<typeof unitSupervisorRowSchema>;

export const addSupervisorBodySchema = z.object({
  supervisorId: recordIdSchema('请选择主管部门'),
});
export const idParamsSchema = z.object({ id: recordIdSchema('记录不存在') });

export const openCommitteeSchema = z.object({
  committeeId: z.string(),
  batchId: z.string(),
  committeeName: z.string(),
  seriesName: z.string(),
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  notice: z.string(),
});
export type OpenCommittee = z.infer<typeof openCommitteeSchema>;
export const keywordQuerySchema = z.object({ keyword: z.string().trim().max(50).optional() });
