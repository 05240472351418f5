import type { FormData } from './form.schema';

export const attachmentCategories = [
  'hrIdCard',
  'hrEducation',
  'hrCurrentTitle',
  'hrWorkHistory',
  'hrAnnualReview',
  'hrContinuingEducation',
  'paper',
  'award',
  'patent',
  'project',
] as const;
export type AttachmentCategory = (typeof attachmentCategories)[number];

export interface AttachmentCategoryInfo {
  label: string;
  group: '人社局要求附件' | '业绩材料';
  note?: string;
  /** Whether a submission needs at least one file here, given the form. */
  required: (form: FormData) => boolean;
}

export const attachmentCategoryInfo: Record<AttachmentCategory, AttachmentCategoryInfo> = {
  hrIdCard: { label: '身份证', group: '人社局要求附件', note: '身份证正反面', required: () => true },
  hrEducation: {
    label: '学历学位证书',
    group: '人社局要求附件',
    note: '毕业证、学位证及学信网备案表或认证报告',
    required: () => true,
  },
  hrCurrentTitle: {
    label: '现职称证书',
    group: '人社局要求附件',
    note: '首次申报（无现职称）可不上传',
    required: (form) => form.table2.currentTitle.trim() !== '',
  },
  hrWorkHistory: {
    label: '工作经历',
    group: '人社局要求附件',
    // The manual (§1) explains this Kunming-platform wording; it does not apply to archives applicants.
    note: '此处提示“昆明市社会保险个人参保证明”材料，该提示不影响档案专业技术人员申报职称，请按省档案局申报通知及相关要求上传',
    required: () => true,
  },
  hrAnnualReview: { label: '年度考核', group: '人社局要求附件', note: '近五年年度考核登记表', required: () => true },
  hrContinuingEducation: {
    label: '继续教育',
    group: '人社局要求附件',
    note: '继续教育学时证明',
    required: (form) => form.table9.length > 0,
  },
  paper: {
    label: '论文',
    group: '业绩材料',
    note: '刊物封面、目录及论文正文',
    required: (form) => form.table8.length > 0,
  },
  award: { label: '获奖', group: '业绩材料', note: '获奖证书', required: (form) => form.table7.length > 0 },
  patent: { label: '专利', group: '业绩材料', note: '专利证书', required: (form) => form.table6.length > 0 },
  project: {
    label: '课题',
    group: '业绩材料',
    note: '立项申请表、合同、鉴定或验收证书',
    required: (form) => form.table5.length > 0,
  },
};
