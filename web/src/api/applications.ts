import type { z } from 'zod';
import type {
  Application,
  ApplicationChoicesBody,
  ApplicationListItem,
  AttachmentCategory,
  CheckResult,
  FormData,
  FormTableKey,
  reviewLogSchema,
} from '#common';
import { http } from './http';

/** The 审核记录 timeline (manual §5.1) and where the application is now. */
export type ReviewLog = z.infer<typeof reviewLogSchema>;
export type ReviewLogEntry = ReviewLog['entries'][number];

export interface Saved {
  version: number;
  savedAt: string;
}

const id = (value: string) => encodeURIComponent(value);

/** 申报评审 / 考核定职: the applicant's own applications and the 申报评审表. */
export const applicationsApi = {
  list: () => http.get<ApplicationListItem[]>('/applications'),
  create: (body: ApplicationChoicesBody) => http.post<{ id: string }>('/applications', body),
  get: (applicationId: string) => http.get<Application>(`/applications/${id(applicationId)}`),
  /** 申报信息: only while a draft. */
  saveChoices: (applicationId: string, version: number, body: ApplicationChoicesBody) =>
    http.put<Saved>(`/applications/${id(applicationId)}/choices`, { ...body, version }),
  /** One table of the form (draft or returned). 409 CONFLICT when `version` is stale. */
  saveTable: <K extends FormTableKey>(applicationId: string, table: K, version: number, data: FormData[K]) =>
    http.put<Saved>(`/applications/${id(applicationId)}/tables/${table}`, { version, data }),
  upload: (applicationId: string, category: AttachmentCategory, file: File) =>
    http.upload<{ id: string }>(`/applications/${id(applicationId)}/attachments/${category}`, file),
  removeAttachment: (applicationId: string, attachmentId: string) =>
    http.delete<{ ok: true }>(`/applications/${id(applicationId)}/attachments/${id(attachmentId)}`),
  check: (applicationId: string) => http.get<CheckResult>(`/applications/${id(applicationId)}/check`),
  submit: (applicationId: string, version: number) =>
    http.post<Application>(`/applications/${id(applicationId)}/submit`, { version }),
  reviewLog: (applicationId: string) => http.get<ReviewLog>(`/applications/${id(applicationId)}/review-log`),
};

/** The address of an attachment's file (shown inline: a picture or a PDF). */
export function attachmentFileUrl(applicationId: string, attachmentId: string): string {
  return `api/applications/${id(applicationId)}/attachments/${id(attachmentId)}/file`;
}
