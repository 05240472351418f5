import { z } from 'zod';
import { reviewStages, titleLevels } from '../enums';
import { applicationKinds } from '../workflow/route-rules';
import { applicationStatuses, decisionActions, workflowActions } from '../workflow/workflow';
import { pagedSchema, pageQuerySchema, recordIdSchema, versionSchema } from './fields.schema';

/** The filters of every desk and record list (manual §4.1, §5): 年份, 姓名/身份证号, 系列, 等级, 评委会. */
export const reviewQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: z.string().trim().max(30).optional(),
  seriesCode: z.string().max(30).optional(),
  titleLevel: z.enum(titleLevels).optional(),
  committeeId: recordIdSchema('评委会不存在').optional(),
  kind: z.enum(applicationKinds).optional(),
  ...pageQuerySchema,
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

/**
 * 导出评审名单: the list's filters, without paging. `reveal=true` asks for whole ID and phone numbers, which
 * only the reviewer organisations the server names (EXPORT_REVEAL_ORG_KINDS) may have, and must ask for.
 */
export const reviewExportQuerySchema = reviewQuerySchema.omit({ page: true, pageSize: true, after: true }).extend({
  reveal: z.enum(['true', 'false']).optional(),
});
export type ReviewExportQuery = z.infer<typeof reviewExportQuerySchema>;
/** The filters of a desk or record list, as both the page and the export take them. */
export type ReviewFilters = Omit<ReviewExportQuery, 'reveal'>;

/** What this account may ask of 导出评审名单 beyond the list itself. */
export const reviewExportOptionsSchema = z.object({ reveal: z.boolean() });
export type ReviewExportOptions = z.infer<typeof reviewExportOptionsSchema>;

export const reviewRowSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(applicationKinds),
  year: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  gender: z.enum(['male', 'female']),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  seriesName: z.string(),
  titleName: z.string(),
  titleLevel: z.enum(titleLevels),
  committeeName: z.string().nullable(),
  status: z.enum(applicationStatuses),
  statusLabel: z.string(),
  stage: z.enum(reviewStages).nullable(),
  whereNow: z.string(),
  submittedAt: z.string().nullable(),
  /** 表十二 saved (the unit's desk waits for it before 通过). */
  unitOpinionSaved: z.boolean(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;
export const reviewPageSchema = pagedSchema(reviewRowSchema);

/**
 * What waits at a desk (the reviewer's 首页): how many by stage and by committee, and the nearest deadlines
 * (网报截止, 返回修改截止) of the batches those applications belong to.
 */
export const reviewSummarySchema = z.object({
  waiting: z.number().int(),
  byStage: z.array(z.object({ stage: z.enum(reviewStages), stageLabel: z.string(), count: z.number().int() })),
  /** `committeeId` null: 考核定职, which no committee reviews. */
  byCommittee: z.array(
    z.object({ committeeId: z.string().nullable(), committeeName: z.string(), count: z.number().int() }),
  ),
  deadlines: z.array(
    z.object({
      committeeName: z.string(),
      year: z.number().int(),
      kind: z.enum(['closes', 'correctionCloses']),
      kindLabel: z.string(),
      at: z.string(),
    }),
  ),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

export const decisionBodySchema = z
  .object({
    items: z
      .array(z.object({ id: recordIdSchema('申报不存在'), version: versionSchema }), { error: '请勾选需要审核的人员' })
      .min(1, '请勾选需要审核的人员')
      .max(100, '一次最多审核100人'),
    action: z.enum(decisionActions, { error: '请选择审核结果' }),
    opinion: z.string().trim().max(1000, '审核意见不超过1000个字').default(''),
  })
  .refine((b) => b.action === 'approve' || b.opinion.length > 0, {
    message: '除“通过”外，请填写审核意见',
    path: ['opinion'],
  });
export type DecisionBody = z.input<typeof decisionBodySchema>;

export const decisionResultSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() }),
  ),
});
/** Each checked application's outcome of one 审核. */
export type DecisionResult = z.infer<typeof decisionResultSchema>['results'][number];

export const unitOpinionBodySchema = z.object({
  version: versionSchema,
  unitOpinion: z
    .string({ error: '请填写基层意见' })
    .trim()
    .min(1, '请填写基层意见')
    .max(1000, '基层意见不超过1000个字'),
});
export const unitOpinionSchema = z.object({ unitOpinion: z.string().nullable(), version: z.number().int() });
export type UnitOpinion = z.infer<typeof unitOpinionSchema>;

/** One step of the 审核记录 timeline (manual §5.1). */
export const reviewLogEntrySchema = z.object({
  seq: z.number().int(),
  stageLabel: z.string(),
  action: z.enum(workflowActions),
  actionLabel: z.string(),
  orgName: z.string(),
  opinion: z.string(),
  at: z.string(),
  actorName: z.string(),
  /** 第N次返回修改或重置流程, on the rows that returned or reset. */
  returnOrResetCount: z.number().int().nullable(),
});
export const reviewLogSchema = z.object({ entries: z.array(reviewLogEntrySchema), whereNow: z.string() });
/** The 审核记录 timeline of one application (manual §5.1) and where it is now. */
export type ReviewLog = z.infer<typeof reviewLogSchema>;
export type ReviewLogEntry = ReviewLog['entries'][number];
