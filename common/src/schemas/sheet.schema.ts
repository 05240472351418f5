import { z } from 'zod';
import { reviewStages } from '../enums';
import { applicationSchema } from './application.schema';
import { recordIdSchema } from './fields.schema';

/** 表十七: one stage's latest 通过 since the last 重置流程, with its opinion. */
export const recommendationSchema = z.object({
  stage: z.enum(reviewStages),
  stageLabel: z.string(),
  orgName: z.string(),
  opinion: z.string(),
  at: z.string(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** 表十三–十六: the committee's record of its vote (filled once the committee has met). */
export const committeeRecordSchema = z.object({
  label: z.string(),
  committeeName: z.string().nullable(),
  meetingDate: z.string().nullable(),
  members: z.number().int().nullable(),
  present: z.number().int().nullable(),
  agree: z.number().int().nullable(),
  disagree: z.number().int().nullable(),
  abstain: z.number().int().nullable(),
  conclusion: z.string().nullable(),
});
export type CommitteeRecord = z.infer<typeof committeeRecordSchema>;

/**
 * The 专业技术职称申报评审表 as one document: what every role that may see the application reads on
 * 查看申报表, and what the PDF prints. The PDF is offered from the committee's print-from stage.
 */
export const sheetSchema = z.object({
  application: applicationSchema,
  /** 表十二; null until the unit has written it. */
  unitOpinion: z.string().nullable(),
  committeeRecord: committeeRecordSchema,
  /** 表十三–十六 that do not apply to the level applied for. */
  otherCommitteeRecords: z.array(z.string()),
  recommendations: z.array(recommendationSchema),
  /**
   * For a committee office (评委会办公室审核: 重复申报): the applicant's other applications of the same
   * year, at any committee, with where they are. Empty for everyone else.
   */
  sameYear: z.array(
    z.object({ id: z.string(), committeeName: z.string(), titleName: z.string(), statusLabel: z.string() }),
  ),
  print: z.object({
    allowed: z.boolean(),
    /** Why not, in the manual's words (当前状态不能打印申报表 …). */
    message: z.string().nullable(),
    /** Whether the committee asks for the attachments bound after the form (the printer may choose). */
    withAttachments: z.boolean(),
  }),
});
export type Sheet = z.infer<typeof sheetSchema>;

export const sheetPdfQuerySchema = z.object({
  /** Bind the attachments after the form, with a table of contents; unset: as the committee asks. */
  attachments: z
    .enum(['true', 'false'], { error: '参数 attachments 只能为 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const verificationParamsSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{4}(-?[0-9A-Z]{4}){3}$/, {
      error: '核验码格式不正确，应为16位字母和数字，如 7KQ2-M9XD-4RTA-PZ3H',
    }),
});

/** What the public verification page says of a printed 申报评审表: nothing more personal than this. */
export const verificationSchema = z.object({
  code: z.string(),
  maskedName: z.string(),
  titleName: z.string(),
  seriesName: z.string(),
  year: z.number().int(),
  /** Where the application is now, in words. */
  status: z.string(),
  printedAt: z.string(),
  /** SHA-256 of the content the copy was printed from (hex). */
  digest: z.string(),
  /** Whether the record still holds that content: false once anything printed has changed since. */
  matchesRecord: z.boolean(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const recordIdParams = z.object({ id: recordIdSchema('申报不存在') });
