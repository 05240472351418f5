import {
  applicationsContract,
  reviewContract,
  type Application,
  type decisionActions,
  type ReviewFilters,
  type ReviewList,
  type ReviewQuery as ReviewPageQuery,
} from '#common';
import { clientOf } from './client';

export type { DecisionResult, ReviewLog, ReviewLogEntry, UnitOpinion } from '#common';

export type { ReviewFilters, ReviewList } from '#common';

export type ReviewQuery = ReviewFilters & Pick<ReviewPageQuery, 'page' | 'pageSize'>;

/** A desk's own decisions (重新表决 is the committee's, after an upheld objection). */
export type DecisionAction = (typeof decisionActions)[number];

const review = clientOf(reviewContract);
const applications = clientOf(applicationsContract);

/** 申报审核 and 审核记录: what units and reviewers see and decide. */
export const reviewApi = {
  /** 首页: what waits at this desk (by stage, by committee) and the nearest deadlines. */
  summary: () => review.summary(),
  /** The applications at this desk's stage now. */
  desk: (query: ReviewQuery) => review.desk({ query }),
  /** The applications this desk has decided on. */
  records: (query: ReviewQuery) => review.records({ query }),
  /**
   * 导出评审名单: the whole list with these filters as an .xlsx; `reveal` asks for whole ID and phone
   * numbers, which only `exportOptions().reveal` accounts may have.
   */
  exportList: (list: ReviewList, filters: ReviewFilters, reveal = false) => {
    const query = { ...filters, reveal: reveal ? ('true' as const) : undefined };
    return list === 'desk' ? review.deskExport({ query }) : review.recordsExport({ query });
  },
  exportOptions: () => review.exportOptions(),
  /**
   * One decision on each checked application. With one application a refusal is the HTTP error itself
   * (409 with the application's new state, 422 without 表十二, …); with several, each has its result.
   */
  decide: (items: { id: string; version: number }[], action: DecisionAction, opinion: string) =>
    review.decide({ body: { items, action, opinion } }),
  /** 基层意见 (表十二): the unit only. */
  unitOpinion: (applicationId: string) => review.unitOpinion({ params: { id: applicationId } }),
  saveUnitOpinion: (applicationId: string, version: number, unitOpinion: string) =>
    review.saveUnitOpinion({ params: { id: applicationId }, body: { version, unitOpinion } }),
  /** The application as this account may see it, with `abilities`: the decisions it may take now. */
  application: (applicationId: string) => applications.get({ params: { id: applicationId } }),
  reviewLog: (applicationId: string) => applications.reviewLog({ params: { id: applicationId } }),
};

/** The application a 409 answer carries (it changed meanwhile: someone else decided). */
export function changedApplication(details: unknown): Application | null {
  const application = (details as { application?: unknown } | null | undefined)?.application;
  return application && typeof application === 'object' ? (application as Application) : null;
}
