import { z } from 'zod';
import { titleLevels } from '../enums';
import { voteOutcomeLabels, type VoteOutcome } from '../committee/vote-rule';
import { recusalReasonLabels, type RecusalReason } from '../committee/expert-draw';
import { captchaAnswerSchema, pagedSchema, pageQuerySchema, phoneSchema, recordIdSchema } from './fields.schema';

// 评委会的评审工作: experts, meetings and their secret ballot, 评审结果公示 with objections, 人社部门确认.

const dateSchema = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: `${label}不是有效的日期`,
      },
    );

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请输入${label}`)
    .max(max, `${label}不能超过${max}个字`);

const ids = (label: string, max: number) =>
  z
    .array(recordIdSchema(`${label}不正确`), { error: `请选择${label}` })
    .min(1, `请选择${label}`)
    .max(max, `一次最多${max}个`)
    .refine((list) => new Set(list).size === list.length, { message: `${label}有重复` });

export const expertStatuses = ['active', 'suspended'] as const;
export type ExpertStatus = (typeof expertStatuses)[number];
export const expertStatusLabels: Record<ExpertStatus, string> = { active: '在库', suspended: '暂停' };

/** 专家库: one expert of the committee, as its office keeps them. */
export const expertSchema = z.object({
  id: z.string(),
  loginName: z.string(),
  name: z.string(),
  phone: z.string(),
  unitName: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
  titleName: z.string(),
  specialties: z.array(z.string()),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  conflictUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(expertStatuses),
});
export type Expert = z.infer<typeof expertSchema>;
export const expertPageSchema = pagedSchema(expertSchema);

export const expertQuerySchema = z.object({
  ...pageQuerySchema,
  keyword: z.string().trim().max(50).optional(),
  status: z.enum(expertStatuses).optional(),
});

const expertFields = {
  name: text('专家姓名', 30),
  phone: phoneSchema,
  unitName: text('工作单位', 100),
  /** The unit's record in the system, when it has one: an expert is never drawn for its own unit. */
  unitId: recordIdSchema('工作单位不正确').nullable(),
  supervisorId: recordIdSchema('主管部门不正确').nullable(),
  titleName: text('职称', 30),
  specialties: z.array(text('专业', 30), { error: '请填写专业' }).min(1, '请至少填写一个专业').max(10, '专业最多10个'),
  termStartsOn: dateSchema('聘期开始日期'),
  termEndsOn: dateSchema('聘期结束日期'),
  conflictUnitIds: z.array(recordIdSchema('回避单位不正确')).max(50, '回避单位最多50个'),
};

/** A term of 3 years at most (人社部令第40号), ending after it starts. */
const termRule = <T extends { termStartsOn: string; termEndsOn: string }>(schema: z.ZodType<T>) =>
  schema.superRefine((v, ctx) => {
    if (v.termEndsOn <= v.termStartsOn) {
      ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: '聘期结束日期应晚于开始日期' });
    }
    const start = new Date(`${v.termStartsOn}T00:00:00Z`);
    const limit = new Date(Date.UTC(start.getUTCFullYear() + 3, start.getUTCMonth(), start.getUTCDate()));
    if (new Date(`${v.termEndsOn}T00:00:00Z`) > limit) {
      ctx.addIssue({ code: 'custom', path: ['termEndsOn'], message: '专家聘期不能超过3年' });
    }
  });

/** 修改: the list shows phones masked, so a phone left out keeps the one on record. */
export const expertBodySchema = termRule(z.object({ ...expertFields, phone: phoneSchema.optional() }));
export type ExpertBody = z.infer<typeof expertBodySchema>;
export const expertCreateSchema = termRule(
  z.object({
    ...expertFields,
    loginName: z
      .string({ error: '请输入登录账号' })
      .trim()
      .regex(/^[A-Za-z0-9_.-]{4,32}$/, '登录账号为4至32位字母、数字、下划线、点或横线'),
  }),
);
export type ExpertCreate = z.infer<typeof expertCreateSchema>;
export const expertCreatedSchema = z.object({ id: z.string(), temporaryPassword: z.string() });
export const expertStatusBodySchema = z.object({ status: z.enum(expertStatuses, { error: '状态不正确' }) });

/** The pickers of the expert's form: registered units (public facts: name and credit code) and 主管部门. */
export const expertUnitSearchQuerySchema = z.object({
  keyword: z.string({ error: '请输入单位名称' }).trim().min(2, '请至少输入2个字').max(100, '单位名称不能超过100个字'),
});
export const expertUnitOptionsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string() })),
});
export type ExpertUnitOption = z.infer<typeof expertUnitOptionsSchema>['items'][number];
export const expertSupervisorOptionsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ExpertSupervisorOption = z.infer<typeof expertSupervisorOptionsSchema>['items'][number];

export const meetingStatuses = ['planned', 'drawn', 'voting', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  planned: '待抽取专家',
  drawn: '已抽取专家',
  voting: '投票中',
  closed: '已结束',
};

export const meetingBodySchema = z.object({
  title: text('会议名称', 60),
  meetingDate: dateSchema('会议日期'),
  place: text('会议地点', 100),
  titleLevel: z.enum(titleLevels, { error: '请选择评审等级' }),
  /** The specialties members are drawn from; empty: any of the pool. */
  specialties: z.array(text('专业', 30)).max(10, '专业最多10个'),
  /** 应到: how many members to draw. */
  size: z
    .number({ error: '请输入抽取人数' })
    .int('抽取人数应为整数')
    .min(3, '抽取人数至少3人')
    .max(35, '抽取人数最多35人'),
});
export type MeetingBody = z.infer<typeof meetingBodySchema>;

export const meetingRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  place: z.string(),
  titleLevel: z.enum(titleLevels),
  specialties: z.array(z.string()),
  size: z.number().int(),
  status: z.enum(meetingStatuses),
  memberCount: z.number().int(),
  presentCount: z.number().int().nullable(),
  agendaCount: z.number().int(),
});
export type MeetingRow = z.infer<typeof meetingRowSchema>;
export const meetingListSchema = z.object({ items: z.array(meetingRowSchema) });

export const voteOutcomes = Object.keys(voteOutcomeLabels) as VoteOutcome[];
export const tallySchema = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  agree: z.number().int(),
  disagree: z.number().int(),
  abstain: z.number().int(),
});

/** One application on a meeting's agenda; the counts only once the vote has closed. */
export const agendaItemSchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  titleName: z.string(),
  specialty: z.string(),
  /** How many present members have cast a ballot on it: never who, never how. */
  ballotsCast: z.number().int(),
  tally: tallySchema.nullable(),
  outcome: z.enum(voteOutcomes as [VoteOutcome, ...VoteOutcome[]]).nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingMemberSchema = z.object({
  expertId: z.string(),
  name: z.string(),
  unitName: z.string(),
  titleName: z.string(),
  specialties: z.array(z.string()),
  present: z.boolean().nullable(),
});

export const recusalReasons = Object.keys(recusalReasonLabels) as RecusalReason[];
export const meetingDetailSchema = z.object({
  meeting: meetingRowSchema,
  members: z.array(meetingMemberSchema),
  agenda: z.array(agendaItemSchema),
  /** The record of the draw: its seed, how many could be drawn and who was recused, and why. */
  draw: z
    .object({
      seed: z.string(),
      drawnAt: z.string(),
      eligibleCount: z.number().int(),
      recused: z.array(
        z.object({ name: z.string(), reason: z.enum(recusalReasons as [RecusalReason, ...RecusalReason[]]) }),
      ),
    })
    .nullable(),
  rule: z.object({ quorumLeast: z.number().int().nullable(), passShare: z.string(), quorumShare: z.string() }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

/** Applications waiting at 评审会议 that no open meeting has on its agenda yet. */
export const meetingCandidateSchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  titleName: z.string(),
  titleLevel: z.enum(titleLevels),
  specialty: z.string(),
  /** Whether it comes back after an upheld objection (复议). */
  revote: z.boolean(),
});
export const meetingCandidatesSchema = z.object({ items: z.array(meetingCandidateSchema) });

export const agendaBodySchema = z.object({ applicationIds: ids('申报', 200) });
export const attendanceBodySchema = z.object({
  presentExpertIds: z.array(recordIdSchema('专家不正确')).max(35, '人数过多'),
});

/** What an expert sees of a meeting: the agenda only while present at an open vote. */
export const expertMeetingSchema = z.object({
  id: z.string(),
  committeeName: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  place: z.string(),
  status: z.enum(meetingStatuses),
  present: z.boolean().nullable(),
  agenda: z.array(
    z.object({
      applicationId: z.string(),
      applicantName: z.string(),
      unitName: z.string(),
      titleName: z.string(),
      specialty: z.string(),
      voted: z.boolean(),
    }),
  ),
});
export type ExpertMeeting = z.infer<typeof expertMeetingSchema>;
export const expertMeetingListSchema = z.object({ items: z.array(expertMeetingSchema.omit({ agenda: true })) });

export const ballotChoices = ['agree', 'disagree', 'abstain'] as const;
export type BallotChoice = (typeof ballotChoices)[number];
export const ballotChoiceLabels: Record<BallotChoice, string> = { agree: '同意', disagree: '不同意', abstain: '弃权' };
export const ballotBodySchema = z.object({
  applicationId: recordIdSchema('申报不正确'),
  choice: z.enum(ballotChoices, { error: '请选择同意、不同意或弃权' }),
});
export const ballotCastSchema = z.object({ voted: z.literal(true) });

export const noticeStatuses = ['open', 'closed'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];
export const noticeStatusLabels: Record<NoticeStatus, string> = { open: '公示中', closed: '已结束' };

export const noticeBodySchema = z.object({ title: text('公示标题', 80), applicationIds: ids('申报', 500) });

/** One line of a 公示 as the public reads it: name, unit, title, nothing else personal. */
export const noticeEntrySchema = z.object({
  id: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  titleName: z.string(),
  /** Withdrawn from the list after an upheld objection (重新表决). */
  withdrawn: z.boolean(),
});

export const publicNoticeRowSchema = z.object({
  id: z.string(),
  committeeName: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  status: z.enum(noticeStatuses),
});
export type PublicNoticeRow = z.infer<typeof publicNoticeRowSchema>;
export const publicNoticeListSchema = z.object({ items: z.array(publicNoticeRowSchema) });
export const publicNoticeSchema = publicNoticeRowSchema.extend({
  entries: z.array(noticeEntrySchema),
  /** Whether objections are received now: during the period, while the notice is open. */
  acceptingObjections: z.boolean(),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const objectionBodySchema = z.object({
  entryId: recordIdSchema('请选择异议针对的人员'),
  content: text('异议内容', 2000, 10),
  contactName: text('联系人', 30),
  contactPhone: phoneSchema,
  ...captchaAnswerSchema,
});
export const objectionFiledSchema = z.object({ id: z.string(), message: z.string() });

export const objectionSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  applicantName: z.string(),
  content: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  filedAt: z.string(),
  answer: z.string().nullable(),
  upheld: z.boolean().nullable(),
  answeredAt: z.string().nullable(),
});
export type Objection = z.infer<typeof objectionSchema>;
export const noticeDetailSchema = publicNoticeSchema.extend({
  objections: z.array(objectionSchema),
  /** Why 结束公示 is not possible yet, or null when it is. */
  closeRefusal: z.string().nullable(),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;
export const noticeCandidateSchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  titleName: z.string(),
  meetingTitle: z.string(),
});
export const noticeCandidatesSchema = z.object({ items: z.array(noticeCandidateSchema) });
export const objectionAnswerSchema = z.object({
  answer: text('答复意见', 1000, 2),
  upheld: z.boolean({ error: '请选择异议是否成立' }),
});

export const confirmationRowSchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  committeeName: z.string(),
  titleName: z.string(),
  titleLevel: z.enum(titleLevels),
  tally: tallySchema.nullable(),
  noticeEndsOn: z.string().nullable(),
});
export const confirmationListSchema = z.object({ items: z.array(confirmationRowSchema) });
export const confirmationBodySchema = z.object({
  applicationIds: ids('申报', 500),
  documentNumber: text('文号', 60),
  qualifiedOn: dateSchema('取得资格时间'),
});
export const confirmationDoneSchema = z.object({ confirmed: z.number().int() });

/** The e2e journeys' clock: moved forward to let a 公示 period pass (only with TEST_CLOCK_CONTROL). */
export const testClockBodySchema = z.object({ advanceDays: z.number().int().min(0).max(60) });
export const testClockSchema = z.object({ now: z.string() });
