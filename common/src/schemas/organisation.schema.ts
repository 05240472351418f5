import { z } from 'zod';
import {
  orgKinds,
  regionLevels,
  reviewStages,
  supervisorRequestStatuses,
  titleLevels,
  unitLevels,
  unitNatures,
} from '../enums';
import { certificatePatternSchema, defaultCertificatePattern } from '../committee/certificate-number';
import { pagedSchema, pageQuerySchema, phoneSchema, recordIdSchema } from './fields.schema';
import { shareSchema } from '../committee/vote-rule';

const name = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(2, `${label}至少2个字`)
    .max(100, `${label}不超过100个字`);
const regionCode = z.string({ error: '请选择行政区域' }).regex(/^\d{6}$/, '请选择行政区域');

export const supervisorBodySchema = z.object({
  name: name('主管部门名称'),
  regionCode: regionCode.nullable().optional(),
});
export const supervisorSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** 已停用: no longer offered to units; only the admin's list shows such. */
  disabled: z.boolean(),
});
export type Supervisor = z.infer<typeof supervisorSchema>;

export const hrBureauBodySchema = z.object({ name: name('人社局名称'), regionCode });
export const hrBureauSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(regionLevels),
  /** 已停用: new submissions no longer find it (查找人社局失败). */
  disabled: z.boolean(),
});
export type HrBureau = z.infer<typeof hrBureauSchema>;

/** 网报时间 in Beijing time, given as ISO instants with their offset. */
const instant = z.iso.datetime({ offset: true, error: '请选择时间' });

export const committeeBodySchema = z.object({
  name: name('评委会名称'),
  seriesCode: z.string({ error: '请选择职称系列' }).min(1, '请选择职称系列'),
  titleLevels: z.array(z.enum(titleLevels)).min(1, '请至少选择一个评审等级'),
  printFromStage: z.enum(reviewStages, { error: '请选择可打印申报表的审核节点' }),
  pdfWithAttachments: z.boolean({ error: '请选择导出PDF时是否附附件材料' }).default(false),
  /**
   * 评审结果确认部门: with one, the route goes on after 评委会电子材料审核 through the committee's own review
   * to this bureau's 确认; without, the committee reviews outside the system and the route ends there.
   */
  confirmingBureauId: recordIdSchema('确认部门不正确').nullable().default(null),
  /** 评委会办公室审核 and 专业组初审 on the route (with a confirming bureau). */
  officeReview: z.boolean({ error: '请选择是否进行评委会办公室审核' }).default(true),
  groupReview: z.boolean({ error: '请选择是否进行专业组初审' }).default(true),
  quorumShare: shareSchema.default({ num: 2, den: 3 }),
  passShare: shareSchema.default({ num: 2, den: 3 }),
  noticeWorkingDays: z
    .number({ error: '请输入公示工作日数' })
    .int('公示工作日数应为整数')
    .min(5, '公示期不少于5个工作日')
    .max(30, '公示期不超过30个工作日')
    .default(5),
  /** 证书编号规则 of the certificates it issues. */
  certificatePattern: certificatePatternSchema.default(defaultCertificatePattern),
  notice: z.string().trim().max(2000, '通知不超过2000个字').default(''),
});
export type CommitteeBody = z.input<typeof committeeBodySchema>;

export const batchBodySchema = z
  .object({
    year: z.number({ error: '请输入年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
    opensAt: instant,
    closesAt: instant,
    /** 返回修改 may be resubmitted until then; without it, until closesAt. */
    correctionClosesAt: instant.nullable().optional(),
    notice: z.string().trim().max(2000, '通知不超过2000个字').default(''),
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), {
    message: '网报截止时间必须晚于开始时间',
    path: ['closesAt'],
  })
  .refine((b) => !b.correctionClosesAt || new Date(b.correctionClosesAt) > new Date(b.opensAt), {
    message: '返回修改截止时间必须晚于网报开始时间',
    path: ['correctionClosesAt'],
  });
export type BatchBody = z.input<typeof batchBodySchema>;

export const batchSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  correctionClosesAt: z.string().nullable(),
  notice: z.string(),
  /** Within its 网报时间 and not disabled: offered as 开评评委会. */
  open: z.boolean(),
  /** 已停用: new applications cannot choose it. */
  disabled: z.boolean(),
});
export const committeeSchema = z.object({
  id: z.string(),
  name: z.string(),
  seriesCode: z.string(),
  seriesName: z.string(),
  titleLevels: z.array(z.enum(titleLevels)),
  printFromStage: z.enum(reviewStages),
  pdfWithAttachments: z.boolean(),
  confirmingBureau: z.object({ id: z.string(), name: z.string() }).nullable(),
  officeReview: z.boolean(),
  groupReview: z.boolean(),
  quorumShare: z.object({ num: z.number().int(), den: z.number().int() }),
  passShare: z.object({ num: z.number().int(), den: z.number().int() }),
  noticeWorkingDays: z.number().int(),
  certificatePattern: z.string(),
  notice: z.string(),
  batches: z.array(batchSchema),
});
export type Committee = z.infer<typeof committeeSchema>;

/** 停用 (true) or 启用 (false) a supervising department, an HR bureau or a committee batch. */
export const disabledBodySchema = z.object({ disabled: z.boolean({ error: '请选择停用或启用' }) });
export const batchParamsSchema = z.object({
  id: recordIdSchema('评委会不存在'),
  batchId: recordIdSchema('批次不存在'),
});

export const reviewerCreateBodySchema = z.object({
  orgKind: z.enum(orgKinds, { error: '请选择机构类型' }),
  orgId: recordIdSchema('请选择机构'),
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名为3–32位字母、数字、下划线、点或连字符，以字母开头'),
  displayName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(50, '姓名不超过50个字'),
  phone: phoneSchema.optional(),
});
export type ReviewerCreateBody = z.infer<typeof reviewerCreateBodySchema>;
export const reviewerSchema = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgKind: z.enum(orgKinds),
  orgId: z.string(),
  orgName: z.string(),
  locked: z.boolean(),
  /** 两步验证 is on. */
  twoFactor: z.boolean(),
});
export type Reviewer = z.infer<typeof reviewerSchema>;
export const reviewerCreatedSchema = reviewerSchema.extend({ temporaryPassword: z.string() });
export const reviewerQuerySchema = z.object({
  orgKind: z.enum(orgKinds).optional(),
  orgId: recordIdSchema('机构不存在').optional(),
});

/** Who a 审核用户 speaks for, shown in their layout. */
export const reviewerOrgSchema = z.object({ orgKind: z.enum(orgKinds), orgId: z.string(), orgName: z.string() });
export type ReviewerOrg = z.infer<typeof reviewerOrgSchema>;

export const adminUnitDetailSchema = z.object({
  unitId: z.string(),
  accountId: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  nature: z.enum(unitNatures).nullable(),
  level: z.enum(unitLevels).nullable(),
  regionFullName: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  phoneMasked: z.string(),
  address: z.string().nullable(),
  locked: z.boolean(),
  registeredAt: z.string(),
  supervisors: z.array(
    z.object({ name: z.string(), isDefault: z.boolean(), status: z.enum(supervisorRequestStatuses) }),
  ),
  /** 组织机构代码证或营业执照, opened through GET /api/files/:id; null before the unit uploaded one. */
  licenseFileId: z.string().nullable(),
  licenseFileName: z.string().nullable(),
});
export type AdminUnitDetail = z.infer<typeof adminUnitDetailSchema>;
export const adminSetPhoneBodySchema = z.object({
  newPhone: phoneSchema,
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(5, '请写明核验情况（至少5个字），如：已核验营业执照及加盖公章的说明')
    .max(500, '原因不超过500个字'),
});

export const supervisorDeskQuerySchema = z.object({
  status: z.enum(supervisorRequestStatuses).optional(),
  keyword: z.string().trim().max(50).optional(),
  ...pageQuerySchema,
});
export const supervisorDeskRowSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  creditCode: z.string(),
  nature: z.enum(unitNatures).nullable(),
  level: z.enum(unitLevels).nullable(),
  regionFullName: z.string().nullable(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  status: z.enum(supervisorRequestStatuses),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
});
/** A unit's request to have this department as its 主管部门 (主管单位审核). */
export type SupervisorDeskRow = z.infer<typeof supervisorDeskRowSchema>;
export type SupervisorDeskQuery = z.infer<typeof supervisorDeskQuerySchema>;
export const supervisorDeskPageSchema = pagedSchema(supervisorDeskRowSchema);
export const supervisorDecisionBodySchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择审核结果' }),
    opinion: z.string().trim().max(500, '审核意见不超过500个字').default(''),
  })
  .refine((b) => b.decision === 'approve' || b.opinion.length > 0, {
    message: '审核不通过时请填写审核意见',
    path: ['opinion'],
  });
