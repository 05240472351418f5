import { reactive } from 'vue';
import type { ApplicationKind, ReviewRow, TitleLevel } from '#common';
import type { Paged } from '../../api/admin';
import type { ReviewFilters, ReviewQuery } from '../../api/review';
import { usePaged } from '../../utils/paged';

/** What the filter bar edits: blank means "any". */
export interface ReviewFilterModel {
  /** "YYYY" from the year picker. */
  year: string;
  keyword: string;
  seriesCode: string;
  titleLevel: TitleLevel | '';
  committeeId: string;
}

export function emptyFilters(): ReviewFilterModel {
  return { year: '', keyword: '', seriesCode: '', titleLevel: '', committeeId: '' };
}

/**
 * A paged desk or record list with the filters of manual §4.1 / §5 (年份, 姓名/身份证号, 系列, 等级, 评委会).
 * `kind` is read on every load: two menu items share one view (申报评审 / 考核定职) and the router keeps it.
 */
export function useReviewList(
  fetch: (query: ReviewQuery) => Promise<Paged<ReviewRow>>,
  kind: () => ApplicationKind | undefined,
) {
  const filters = reactive<ReviewFilterModel>(emptyFilters());
  const current = (): ReviewFilters => ({
    year: filters.year ? Number(filters.year) : undefined,
    keyword: filters.keyword.trim() || undefined,
    seriesCode: filters.seriesCode || undefined,
    titleLevel: filters.titleLevel || undefined,
    committeeId: filters.committeeId || undefined,
    kind: kind(),
  });
  let shown: ReviewFilters | null = null;
  const paged = usePaged<ReviewRow>((page, pageSize) => {
    shown = current();
    return fetch({ ...shown, page, pageSize });
  });
  return {
    filters,
    ...paged,
    /** The filters of the list on screen (typed but not yet searched ones do not count): 导出评审名单 takes them. */
    shownFilters: (): ReviewFilters => shown ?? current(),
    /** 重置: every filter blank, from the first page. */
    resetFilters(): Promise<void> {
      Object.assign(filters, emptyFilters());
      return paged.search();
    },
  };
}
