import type { FormRules } from 'element-plus';
import {
  batchBodySchema,
  certificatePatternProblem,
  committeeBodySchema,
  committeeStagesOf,
  defaultCertificatePattern,
  formatCertificateNumber,
  reviewStageLabels,
  titleLevelCodes,
  titleLevelLabels,
  type BatchBody,
  type Committee,
  type CommitteeBody,
  type ReviewStage,
  type Share,
  type TitleLevel,
} from '#common';
import type { ListColumn } from '../../../components/list/columns';
import { beijingToIso, formatBeijingMinute, formatBeijingSecond } from '../../../utils/datetime';
import { schemaErrors, schemaRules } from '../../../utils/form';

/** 评委会 and its 年度批次: the batch list's columns, and the two 新增 / 修改 forms. */
export type Batch = Committee['batches'][number];

export const levelsText = (levels: TitleLevel[]) => levels.map((l) => titleLevelLabels[l]).join('、');

export function batchState(batch: Batch): { label: string; type: 'success' | 'info' | 'warning' | 'danger' } {
  if (batch.disabled) return { label: '已停用', type: 'danger' };
  if (batch.open) return { label: '开放中', type: 'success' };
  return new Date(batch.closesAt).getTime() < Date.now()
    ? { label: '已截止', type: 'info' }
    : { label: '未开始', type: 'warning' };
}

export const batchColumns: ListColumn<Batch>[] = [
  { key: 'year', label: '年度', width: 80, align: 'center', card: 'title' },
  { key: 'opensAt', label: '网报开始时间', width: 150, text: (b) => formatBeijingMinute(b.opensAt) },
  { key: 'closesAt', label: '网报截止时间', width: 150, text: (b) => formatBeijingMinute(b.closesAt) },
  { key: 'notice', label: '通知', minWidth: 240, tooltip: true },
  { key: 'state', label: '状态', width: 90, align: 'center' },
];

// 评委会
export interface CommitteeForm {
  name: string;
  seriesCode: string;
  titleLevels: TitleLevel[];
  printFromStage: ReviewStage;
  pdfWithAttachments: boolean;
  /** 评审结果确认部门: with one, the committee's own review (会议, 公示, 确认) follows its electronic check. */
  confirmingBureauId: string | null;
  /** 评委会办公室审核 and 专业组初审 on its route. */
  officeReview: boolean;
  groupReview: boolean;
  /** 法定人数比例 and 通过比例: shares of those drawn and of those present. */
  quorumShare: Share;
  passShare: Share;
  noticeWorkingDays: number;
  certificatePattern: string;
  notice: string;
}

/** The committee's own stages on its routes, in words (评委会管理's card). */
export const ownStagesText = (c: Pick<Committee, 'officeReview' | 'groupReview'>) =>
  committeeStagesOf(c)
    .map((stage) => reviewStageLabels[stage])
    .join(' → ');

/** 2/3 as the words of the card. */
export const shareText = (share: Share) => `${share.num}/${share.den}`;

export const blankCommittee = (seriesCode: string): CommitteeForm => ({
  name: '',
  seriesCode,
  titleLevels: [],
  printFromStage: 'committeeCheck',
  pdfWithAttachments: false,
  confirmingBureauId: null,
  officeReview: true,
  groupReview: true,
  quorumShare: { num: 2, den: 3 },
  passShare: { num: 2, den: 3 },
  noticeWorkingDays: 5,
  certificatePattern: defaultCertificatePattern,
  notice: '',
});

export const committeeFormOf = (row: Committee): CommitteeForm => ({
  name: row.name,
  seriesCode: row.seriesCode,
  titleLevels: [...row.titleLevels],
  printFromStage: row.printFromStage,
  pdfWithAttachments: row.pdfWithAttachments,
  confirmingBureauId: row.confirmingBureau?.id ?? null,
  officeReview: row.officeReview,
  groupReview: row.groupReview,
  quorumShare: { ...row.quorumShare },
  passShare: { ...row.passShare },
  noticeWorkingDays: row.noticeWorkingDays,
  certificatePattern: row.certificatePattern,
  notice: row.notice,
});

export const committeeBodyOf = (form: CommitteeForm): CommitteeBody => ({
  ...form,
  confirmingBureauId: form.confirmingBureauId || null,
  titleLevels: [...form.titleLevels],
  quorumShare: { ...form.quorumShare },
  passShare: { ...form.passShare },
});

export const committeeRulesOf = (form: CommitteeForm): FormRules =>
  schemaRules(committeeBodySchema, form, {
    name: { required: '请输入评委会名称' },
    seriesCode: { required: '请选择职称系列', trigger: 'change' },
    titleLevels: { trigger: 'change' },
    printFromStage: { required: '请选择可打印申报表的审核节点', trigger: 'change' },
    pdfWithAttachments: {},
    confirmingBureauId: { trigger: 'change' },
    officeReview: {},
    groupReview: {},
    quorumShare: { trigger: 'change' },
    passShare: { trigger: 'change' },
    noticeWorkingDays: { trigger: 'change' },
    certificatePattern: { required: '请填写证书编号规则' },
    notice: {},
  });

/** What the pattern makes of this year's first 副高级 certificate, or '' while the pattern is wrong. */
export function certificateNumberExample(pattern: string): string {
  const trimmed = pattern.trim();
  if (!trimmed || certificatePatternProblem(trimmed)) return '';
  return formatCertificateNumber(trimmed, {
    year: new Date().getFullYear(),
    levelCode: titleLevelCodes.associateSenior,
    seq: 1,
    committeeId: 1,
  });
}

// 年度批次: 网报时间 typed in Beijing time, sent as instants.
export interface BatchForm {
  year: number;
  /** "YYYY-MM-DD HH:mm:ss", Beijing time, as the date picker gives it. */
  opensAt: string;
  closesAt: string;
  notice: string;
}

export const blankBatch = (): BatchForm => ({ year: new Date().getFullYear(), opensAt: '', closesAt: '', notice: '' });

export const batchFormOf = (batch: Batch): BatchForm => ({
  year: batch.year,
  opensAt: formatBeijingSecond(batch.opensAt),
  closesAt: formatBeijingSecond(batch.closesAt),
  notice: batch.notice ?? '',
});

export const batchBodyOf = (form: BatchForm): BatchBody => ({
  year: form.year,
  opensAt: form.opensAt ? beijingToIso(form.opensAt) : '',
  closesAt: form.closesAt ? beijingToIso(form.closesAt) : '',
  notice: form.notice,
});

export function batchRulesOf(form: BatchForm): FormRules {
  const check = (field: string) => (_rule: unknown, _value: unknown, callback: (error?: Error) => void) => {
    const message = schemaErrors(batchBodySchema, batchBodyOf(form))[field];
    if (message) callback(new Error(message));
    else callback();
  };
  return {
    year: [
      { required: true, message: '请输入年度', trigger: 'change' },
      { validator: check('year'), trigger: 'change' },
    ],
    opensAt: [
      { required: true, message: '请选择网报开始时间', trigger: 'change' },
      { validator: check('opensAt'), trigger: 'change' },
    ],
    closesAt: [
      { required: true, message: '请选择网报截止时间', trigger: 'change' },
      { validator: check('closesAt'), trigger: 'change' },
    ],
    notice: [{ validator: check('notice'), trigger: 'blur' }],
  };
}
