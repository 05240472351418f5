import { titleLevelLabels } from './enums';
import type { ReviewRow } from './schemas/review.schema';
import type { ApplicationKind } from './workflow/route-rules';

/** 申报审核 (the desk) and 审核记录 (the records). */
export const reviewLists = ['desk', 'records'] as const;
export type ReviewList = (typeof reviewLists)[number];

/**
 * The columns of the two lists, named once for the page and for 导出评审名单, so that the file has the
 * headings the clerk sees. Keys are the page's (a property of ReviewRow, or a cell slot).
 */
export const reviewColumnLabels = {
  name: '姓名',
  unitName: '所属单位',
  idNumberMasked: '身份证号',
  phoneMasked: '手机号码',
  title: '申报职称',
  kind: '申报类别',
  committee: '评委会',
  submittedAt: '提交时间',
  unitOpinion: '基层意见',
  whereNow: '当前进度',
} as const;
export type ReviewColumnKey = keyof typeof reviewColumnLabels;

export interface ReviewColumnOptions {
  list: ReviewList;
  /** A unit's own desk, with 基层意见 per person. */
  unit: boolean;
  /** The list of one kind (单位审核 - 申报评审 / - 考核定职), or both (a reviewer's). */
  kind: ApplicationKind | undefined;
  /**
   * The exported sheet: it has room for 手机号码, which the page leaves to the 申报表, and a 申报类别 column
   * for what the page shows as a tag beside the title when both kinds are listed.
   */
  sheet?: boolean;
}

/** The columns in the order the list shows them (序号 comes first on both, outside these). */
export function reviewColumnKeys({ list, unit, kind, sheet = false }: ReviewColumnOptions): ReviewColumnKey[] {
  return [
    'name',
    'unitName',
    'idNumberMasked',
    ...(sheet ? (['phoneMasked'] as const) : []),
    'title',
    ...(sheet && !kind ? (['kind'] as const) : []),
    // 考核定职 goes to no committee.
    ...(kind === 'assessment' ? [] : (['committee'] as const)),
    ...(list === 'desk'
      ? (['submittedAt', ...(unit ? (['unitOpinion'] as const) : [])] as const)
      : (['whereNow'] as const)),
  ];
}

/** "档案·馆员（中级）". */
export const titleText = (row: Pick<ReviewRow, 'seriesName' | 'titleName' | 'titleLevel'>) =>
  `${row.seriesName}·${row.titleName}（${titleLevelLabels[row.titleLevel]}）`;

/** 基层意见 (表十二) saved or not. */
export const unitOpinionText = (saved: boolean) => (saved ? '已填写' : '未填写');
