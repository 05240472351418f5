import type { RowTableKey } from './columns';

export interface ReadColumn {
  key: string;
  label: string;
  /** A share of the table's width, e.g. '20%'. */
  width?: string;
}

/**
 * The columns of each row table as the 申报评审表 prints them (FORM.md §1): 起始 and 结束 as one
 * 起止时间. The columns as they are typed are `rowColumns` (columns.ts).
 */
export const readColumns: Record<RowTableKey, ReadColumn[]> = {
  table1: [
    { key: 'period', label: '起止时间', width: '20%' },
    { key: 'organisation', label: '学校或工作单位' },
    { key: 'role', label: '专业或职务', width: '22%' },
    { key: 'witness', label: '证明人', width: '12%' },
  ],
  table4: [
    { key: 'period', label: '起止时间', width: '16%' },
    { key: 'name', label: '项目/工作名称', width: '18%' },
    { key: 'content', label: '工作内容' },
    { key: 'role', label: '本人角色', width: '12%' },
    { key: 'outcome', label: '成效', width: '20%' },
  ],
  table5: [
    { key: 'name', label: '课题名称' },
    { key: 'source', label: '来源/级别', width: '14%' },
    { key: 'period', label: '起止时间', width: '16%' },
    { key: 'role', label: '本人排名/角色', width: '12%' },
    { key: 'funding', label: '经费（万元）', width: '10%' },
    { key: 'conclusion', label: '结题/鉴定情况', width: '18%' },
  ],
  table6: [
    { key: 'name', label: '专利名称' },
    { key: 'type', label: '类型', width: '14%' },
    { key: 'number', label: '专利号', width: '20%' },
    { key: 'grantedAt', label: '授权时间', width: '14%' },
    { key: 'rank', label: '本人排名', width: '12%' },
  ],
  table7: [
    { key: 'name', label: '奖项名称' },
    { key: 'grade', label: '等级', width: '14%' },
    { key: 'grantor', label: '授奖部门', width: '22%' },
    { key: 'awardedAt', label: '时间', width: '12%' },
    { key: 'rank', label: '本人排名', width: '12%' },
  ],
  table8: [
    { key: 'title', label: '题目' },
    { key: 'publication', label: '刊物/出版社', width: '18%' },
    { key: 'serial', label: '刊号或ISBN', width: '16%' },
    { key: 'publishedAt', label: '发表时间', width: '11%' },
    { key: 'rank', label: '本人排名', width: '10%' },
    { key: 'wordCount', label: '字数', width: '8%' },
  ],
  table9: [
    { key: 'period', label: '起止时间', width: '20%' },
    { key: 'content', label: '内容/项目' },
    { key: 'organiser', label: '主办单位', width: '26%' },
    { key: 'hours', label: '学时', width: '10%' },
  ],
  table11: [
    { key: 'year', label: '年度', width: '20%' },
    { key: 'result', label: '考核结果', width: '20%' },
    { key: 'organisation', label: '考核单位' },
  ],
};

/** The cells of a row, with 起止时间 joined as "2019-01 — 2020-12". */
export function cellsOf(row: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(row))
    cells[key] = value === undefined || value === null ? '' : String(value);
  if ('start' in row || 'end' in row) {
    const start = cells.start ?? '';
    const end = cells.end ?? '';
    cells.period = start || end ? `${start} — ${end}` : '';
  }
  return cells;
}
