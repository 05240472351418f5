import {
  reviewColumnKeys,
  reviewColumnLabels,
  titleText,
  type ApplicationKind,
  type ReviewColumnKey,
  type ReviewList,
  type ReviewRow,
} from '#common';
import type { ListColumn } from '../list/columns';
import { formatBeijingMinute } from '../../utils/datetime';

export { titleText };

/**
 * The columns of 申报审核 and 审核记录: which, in what order and under which heading comes from common/
 * (导出评审名单 writes the same); here, how the page lays them out. At 1366×768 (a table about 1045px wide
 * beside the menu and a 17px scroll bar) the table keeps what a reviewer decides by — who, of which unit,
 * which title, which committee, when, 基层意见 / 当前进度 — and leaves 性别 and 手机号码 to the 申报表;
 * 申报系列 goes with the title, 年份 with 提交时间.
 */
interface Options {
  /** The unit's own desk, with 基层意见 per person. */
  unit: boolean;
  kind: ApplicationKind | undefined;
}

/** Each column's look; its cell slot (cell-title, cell-submittedAt, …) draws it where it is more than text. */
const layout: Partial<Record<ReviewColumnKey, Omit<ListColumn<ReviewRow>, 'key' | 'label'>>> = {
  name: { width: 80, card: 'title' },
  unitName: { minWidth: 90, tooltip: true },
  idNumberMasked: { width: 155 },
  // Both kinds in one list (a reviewer's desk): the cell slot adds the kind's tag.
  title: { minWidth: 130, text: titleText },
  committee: { minWidth: 100, tooltip: true, text: (r) => r.committeeName ?? '—' },
  // The cell slot shows the date, the minute in its tooltip.
  submittedAt: { width: 105, text: (r) => formatBeijingMinute(r.submittedAt) },
  unitOpinion: { width: 82, align: 'center' },
  whereNow: { minWidth: 170, tooltip: true },
};

function columns(list: ReviewList, options: Options): ListColumn<ReviewRow>[] {
  return reviewColumnKeys({ list, ...options }).map((key) => ({
    key,
    label: reviewColumnLabels[key],
    ...layout[key],
  }));
}

/** 申报审核: 提交时间, and the unit's 基层意见 已填写 / 未填写. */
export const deskColumns = (options: Options) => columns('desk', options);

/** 审核记录: where each application is now. */
export const recordColumns = (options: Options) => columns('records', options);
