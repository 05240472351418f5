import type { FormData, FormTableKey } from '#common';

/** How a cell of a row table is typed. */
export type CellKind = 'text' | 'textarea' | 'month' | 'monthOrNow' | 'date' | 'year' | 'select';

export interface RowColumn {
  key: string;
  label: string;
  kind: CellKind;
  /** Needed before 提交 (the same fields `checkApplication` asks for). */
  required?: boolean;
  maxlength?: number;
  options?: readonly string[];
  width?: number;
  placeholder?: string;
}

export type RowTableKey = 'table1' | 'table4' | 'table5' | 'table6' | 'table7' | 'table8' | 'table9' | 'table11';
export type RowOf<K extends RowTableKey> = FormData[K][number];

const month = (key: string, label: string, required = false): RowColumn => ({
  key,
  label,
  kind: 'month',
  required,
  width: 118,
});

/**
 * The columns of each row table of the 申报评审表 (FORM.md §1), with the lengths of the shared schema
 * (`formTables`) and the labels the 提交前检查 speaks of.
 */
export const rowColumns: Record<RowTableKey, RowColumn[]> = {
  table1: [
    month('start', '起始时间', true),
    { key: 'end', label: '结束时间', kind: 'monthOrNow', required: true, width: 175 },
    { key: 'organisation', label: '学校或工作单位', kind: 'text', required: true, maxlength: 100, width: 160 },
    { key: 'role', label: '专业或职务', kind: 'text', required: true, maxlength: 100, width: 130 },
    { key: 'witness', label: '证明人', kind: 'text', maxlength: 30, width: 90 },
  ],
  table4: [
    month('start', '起始时间', true),
    month('end', '结束时间'),
    { key: 'name', label: '项目/工作名称', kind: 'text', required: true, maxlength: 100, width: 200 },
    { key: 'content', label: '工作内容', kind: 'textarea', required: true, maxlength: 500, width: 260 },
    { key: 'role', label: '本人角色', kind: 'text', required: true, maxlength: 50, width: 130 },
    { key: 'outcome', label: '成效', kind: 'textarea', maxlength: 500, width: 220 },
  ],
  table5: [
    { key: 'name', label: '课题名称', kind: 'text', required: true, maxlength: 100, width: 200 },
    { key: 'source', label: '来源/级别', kind: 'text', required: true, maxlength: 100, width: 150 },
    month('start', '起始时间', true),
    month('end', '结束时间'),
    { key: 'role', label: '本人排名/角色', kind: 'text', required: true, maxlength: 50, width: 130 },
    { key: 'funding', label: '经费（万元）', kind: 'text', maxlength: 30, width: 110 },
    { key: 'conclusion', label: '结题/鉴定情况', kind: 'textarea', maxlength: 200, width: 200 },
  ],
  table6: [
    { key: 'name', label: '专利名称', kind: 'text', required: true, maxlength: 100, width: 170 },
    {
      key: 'type',
      label: '类型',
      kind: 'select',
      required: true,
      options: ['发明', '实用新型', '外观设计'],
      width: 120,
    },
    { key: 'number', label: '专利号', kind: 'text', required: true, maxlength: 50, width: 150 },
    { key: 'grantedAt', label: '授权时间', kind: 'date', required: true, width: 140 },
    { key: 'rank', label: '本人排名', kind: 'text', maxlength: 20, width: 90 },
  ],
  table7: [
    { key: 'name', label: '奖项名称', kind: 'text', required: true, maxlength: 100, width: 170 },
    { key: 'grade', label: '等级', kind: 'text', required: true, maxlength: 50, width: 110 },
    { key: 'grantor', label: '授奖部门', kind: 'text', required: true, maxlength: 100, width: 160 },
    month('awardedAt', '时间', true),
    { key: 'rank', label: '本人排名', kind: 'text', maxlength: 20, width: 90 },
  ],
  table8: [
    { key: 'title', label: '题目', kind: 'text', required: true, maxlength: 200, width: 240 },
    { key: 'publication', label: '刊物/出版社', kind: 'text', required: true, maxlength: 100, width: 180 },
    { key: 'serial', label: '刊号或ISBN', kind: 'text', maxlength: 50, width: 150, placeholder: 'ISSN/CN 或 ISBN' },
    month('publishedAt', '发表时间', true),
    {
      key: 'rank',
      label: '本人排名',
      kind: 'text',
      required: true,
      maxlength: 20,
      width: 110,
      placeholder: '如：独著、第1',
    },
    { key: 'wordCount', label: '字数', kind: 'text', maxlength: 10, width: 100 },
  ],
  table9: [
    month('start', '起始时间', true),
    month('end', '结束时间'),
    { key: 'content', label: '内容/项目', kind: 'text', required: true, maxlength: 200, width: 190 },
    { key: 'organiser', label: '主办单位', kind: 'text', required: true, maxlength: 100, width: 160 },
    { key: 'hours', label: '学时', kind: 'text', required: true, maxlength: 10, width: 80 },
  ],
  table11: [
    { key: 'year', label: '年度', kind: 'year', required: true, width: 130 },
    {
      key: 'result',
      label: '考核结果',
      kind: 'select',
      required: true,
      options: ['优秀', '合格', '基本合格', '不合格'],
      width: 140,
    },
    { key: 'organisation', label: '考核单位', kind: 'text', required: true, maxlength: 100, width: 260 },
  ],
};

/** Tables of short fields are edited as a table; those with long texts as one block per row. */
export const rowLayouts: Record<RowTableKey, 'table' | 'cards'> = {
  table1: 'table',
  table4: 'cards',
  table5: 'cards',
  table6: 'table',
  table7: 'table',
  table8: 'cards',
  table9: 'table',
  table11: 'table',
};

export const rowTableKeys = Object.keys(rowColumns) as RowTableKey[];
export const isRowTable = (table: FormTableKey): table is RowTableKey =>
  (rowTableKeys as FormTableKey[]).includes(table);

/** An empty row of a table: every column blank. */
export function emptyRow<K extends RowTableKey>(table: K): RowOf<K> {
  return Object.fromEntries(rowColumns[table].map((c) => [c.key, ''])) as RowOf<K>;
}

/** What each table is for, shown above it. */
export const tableHints: Partial<Record<FormTableKey, string>> = {
  table1: '按时间顺序填写，从大学（或中专）学习经历开始；起止时间填写到年月，至今的请勾选“至今”。',
  table2: '带 * 号的项目为必填项；填写了现职称的，请同时填写取得时间，并在附件中上传现职称证书。',
  table3: '写任现职以来的专业技术工作。',
  table4: '任现职以来完成的主要专业技术工作。',
  table5: '没有可不填；填写后请在附件管理 - 业绩材料 - 课题中上传立项申请表、合同、鉴定或验收证书。',
  table6: '没有可不填；填写后请在附件管理 - 业绩材料 - 专利中上传专利证书。',
  table7: '没有可不填；同一成果只填最高奖，时间填证书落款年月。填写后请上传获奖证书。',
  table8: '没有可不填；填写后请在附件管理 - 业绩材料 - 论文中上传刊物封面、目录及论文正文。',
  table9: '填写后请在附件管理 - 人社局要求附件 - 继续教育中上传学时证明。',
  table11: '填写申报年度之前五年的年度考核结果，并在附件中上传年度考核登记表。',
};

/** 表一 … 表十一 in the navigation. */
export const tableShortLabels: Record<FormTableKey, string> = {
  table1: '表一 学习和工作经历',
  table2: '表二 基本情况',
  table3: '表三 工作总结',
  table4: '表四 专业技术工作',
  table5: '表五 课题（项目）',
  table6: '表六 专利',
  table7: '表七 表彰奖励',
  table8: '表八 著作和论文',
  table9: '表九 继续教育',
  table10: '表十 个人承诺书',
  table11: '表十一 年度考核',
};
