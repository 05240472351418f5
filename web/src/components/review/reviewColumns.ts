import { titleLevelLabels, type ApplicationKind, type ReviewRow } from '#common';
import type { ListColumn } from '../list/columns';
import { formatBeijingMinute } from '../../utils/datetime';

/**
 * The columns of 申报审核 and 审核记录. At 1366×768 (a table about 1045px wide beside the menu and a 17px scroll bar) the table keeps
 * what a reviewer decides by — who, of which unit, which title, which committee, when, 基层意见 / 当前进度 — and
 * leaves 性别 and 手机号码 to the 申报表; 申报系列 goes with the title, 年份 with 提交时间.
 */
interface Options {
  /** The unit's own desk, with 基层意见 per person. */
  unit: boolean;
  kind: ApplicationKind | undefined;
}

/** "档案·馆员（中级）". */
export const titleText = (row: ReviewRow) =>
  `${row.seriesName}·${row.titleName}（${titleLevelLabels[row.titleLevel]}）`;

function common({ kind }: Options): ListColumn<ReviewRow>[] {
  return [
    { key: 'name', label: '姓名', width: 80, card: 'title' },
    { key: 'unitName', label: '所属单位', minWidth: 90, tooltip: true },
    { key: 'idNumberMasked', label: '身份证号', width: 155 },
    // Both kinds in one list (a reviewer's desk): the cell slot adds the kind's tag.
    { key: 'title', label: '申报职称', minWidth: 130, text: titleText },
    ...(kind === 'assessment'
      ? []
      : [
          {
            key: 'committee',
            label: '评委会',
            minWidth: 100,
            tooltip: true,
            text: (r: ReviewRow) => r.committeeName ?? '—',
          },
        ]),
  ];
}

/** 申报审核: 提交时间 (the cell slot shows the date, the minute in its tooltip), the unit's 基层意见 已填写 / 未填写. */
export function deskColumns(options: Options): ListColumn<ReviewRow>[] {
  return [
    ...common(options),
    { key: 'submittedAt', label: '提交时间', width: 105, text: (r) => formatBeijingMinute(r.submittedAt) },
    ...(options.unit ? [{ key: 'unitOpinion', label: '基层意见', width: 82, align: 'center' as const }] : []),
  ];
}

/** 审核记录: where each application is now. */
export function recordColumns(options: Options): ListColumn<ReviewRow>[] {
  return [...common(options), { key: 'whereNow', label: '当前进度', minWidth: 170, tooltip: true }];
}
