import { z } from 'zod';
import { recordIdSchema, versionSchema } from './fields.schema';
import { reviewStages, titleLevels } from '../enums';
import { attachmentCategories } from '../application/attachment-categories';
import { formDataSchema, formTableKeys } from '../application/form.schema';
import { applicationKinds } from '../workflow/route-rules';
import { applicationStatuses, workflowActions } from '../workflow/workflow';

/** 申报信息: what is chosen before the tables (and can change only in a draft, or after 重置流程). */
export const applicationChoicesBodySchema = z
  .object({
    kind: z.enum(applicationKinds, { error: '请选择申报评审或考核定职' }),
    batchId: recordIdSchema('请选择评委会').optional(),
    titleId: recordIdSchema('请选择申报职称'),
    specialtyStudiedId: recordIdSchema('请选择所学专业').optional(),
    specialtyPractisedId: recordIdSchema('请选择从事专业').optional(),
  })
  .refine((b) => b.kind === 'assessment' || b.batchId, { message: '请选择评委会', path: ['batchId'] });
export type ApplicationChoicesBody = z.infer<typeof applicationChoicesBodySchema>;

export const coverSchema = z.object({
  name: z.string(),
  unitName: z.string(),
  supervisorName: z.string(),
  seriesName: z.string(),
  titleName: z.string(),
  specialtyName: z.string(),
  filledAt: z.string(),
});
export type Cover = z.infer<typeof coverSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  category: z.enum(attachmentCategories),
  fileId: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export const applicationSchema = z.object({
  id: z.string(),
  kind: z.enum(applicationKinds),
  year: z.number().int(),
  status: z.enum(applicationStatuses),
  /** The status in the applicant's words (评审中, 公示中, 已通过评审 …): `statusWording`. */
  statusLabel: z.string(),
  stage: z.enum(reviewStages).nullable(),
  /** Where it is now and who holds it, in words. */
  whereNow: z.string(),
  committee: z.object({ id: z.string(), name: z.string() }).nullable(),
  batch: z.object({ id: z.string(), year: z.number().int(), closesAt: z.string() }).nullable(),
  seriesCode: z.string(),
  title: z.object({ id: z.string(), name: z.string(), level: z.enum(titleLevels), gradeLabel: z.string() }),
  specialtyStudied: z.object({ id: z.string(), pathName: z.string() }).nullable(),
  specialtyPractised: z.object({ id: z.string(), pathName: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  cover: coverSchema,
  form: formDataSchema,
  attachments: z.array(attachmentSchema),
  version: z.number().int(),
  returnCount: z.number().int(),
  submittedAt: z.string().nullable(),
  /** What this account may do now; the page shows only these buttons. */
  abilities: z.array(z.enum(workflowActions)),
  editable: z.object({ choices: z.boolean(), tables: z.boolean() }),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListItemSchema = applicationSchema.pick({
  id: true,
  kind: true,
  year: true,
  status: true,
  statusLabel: true,
  stage: true,
  whereNow: true,
  committee: true,
  title: true,
  submittedAt: true,
  returnCount: true,
});
export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;

export const tableParamsSchema = z.object({
  id: recordIdSchema('申报不存在'),
  table: z.enum(formTableKeys as [string, ...string[]], { error: '表格不存在' }),
});
export const saveTableBodySchema = z.object({
  version: versionSchema,
  data: z.unknown(),
});
export const savedSchema = z.object({ version: z.number().int(), savedAt: z.string() });

export const checkResultSchema = z.object({
  issues: z.array(z.object({ section: z.string(), sectionLabel: z.string(), message: z.string() })),
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
  canSubmit: z.boolean(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const attachmentParamsSchema = z.object({
  id: recordIdSchema('申报不存在'),
  category: z.enum(attachmentCategories, { error: '附件类别不存在' }),
});
export const attachmentIdParamsSchema = z.object({
  id: recordIdSchema('申报不存在'),
  attachmentId: recordIdSchema('附件不存在'),
});
export const versionBodySchema = z.object({ version: versionSchema });
