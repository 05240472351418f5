import type { z } from 'zod';
import type {
  Application,
  ApplicationKind,
  DecisionAction,
  ReviewRow,
  ReviewSummary,
  TitleLevel,
  reviewLogSchema,
} from '#common';
import type { Paged } from './admin';
import { http } from './http';

/** The filters of the 申报审核 desk and of the 审核记录 lists (manual §4.1, §5). */
export interface ReviewFilters {
  year?: number;
  /** 姓名 (part of it) or the full 身份证号. */
  keyword?: string;
  seriesCode?: string;
  titleLevel?: TitleLevel;
  committeeId?: string;
  kind?: ApplicationKind;
}

export type ReviewQuery = ReviewFilters & { page: number; pageSize: number };

export type { DecisionAction };

export interface DecisionResult {
  id: string;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface UnitOpinion {
  unitOpinion: string | null;
  version: number;
}

/** The 审核记录 timeline of one application (manual §5.1) and where it is now. */
export type ReviewLog = z.infer<typeof reviewLogSchema>;
export type ReviewLogEntry = ReviewLog['entries'][number];

const id = (value: string) => encodeURIComponent(value);

/** 申报审核 and 审核记录: what units and reviewers see and decide. */
export const reviewApi = {
  /** 首页: what waits at this desk (by stage, by committee) and the nearest deadlines. */
  summary: () => http.get<ReviewSummary>('/review/summary'),
  /** The applications at this desk's stage now. */
  desk: (query: ReviewQuery) => http.get<Paged<ReviewRow>>('/review/desk', { ...query }),
  /** The applications this desk has decided on. */
  records: (query: ReviewQuery) => http.get<Paged<ReviewRow>>('/review/records', { ...query }),
  /**
   * One decision on each checked application. With one application a refusal is the HTTP error itself
   * (409 with the application's new state, 422 without 表十二, …); with several, each has its result.
   */
  decide: (items: { id: string; version: number }[], action: DecisionAction, opinion: string) =>
    http.post<{ results: DecisionResult[] }>('/review/decisions', { items, action, opinion }),
  /** 基层意见 (表十二): the unit only. */
  unitOpinion: (applicationId: string) =>
    http.get<UnitOpinion>(`/review/applications/${id(applicationId)}/unit-opinion`),
  saveUnitOpinion: (applicationId: string, version: number, unitOpinion: string) =>
    http.put<UnitOpinion>(`/review/applications/${id(applicationId)}/unit-opinion`, { version, unitOpinion }),
  /** The application as this account may see it, with `abilities`: the decisions it may take now. */
  application: (applicationId: string) => http.get<Application>(`/applications/${id(applicationId)}`),
  reviewLog: (applicationId: string) => http.get<ReviewLog>(`/applications/${id(applicationId)}/review-log`),
};

/** The address of an attachment's file, shown inline (a picture or a PDF). */
export function attachmentUrl(applicationId: string, attachmentId: string): string {
  return `api/applications/${id(applicationId)}/attachments/${id(attachmentId)}/file`;
}

/** The application a 409 answer carries (it changed meanwhile: someone else decided). */
export function changedApplication(details: unknown): Application | null {
  const application = (details as { application?: unknown } | null | undefined)?.application;
  return application && typeof application === 'object' ? (application as Application) : null;
}
