import {
  applicationsContract,
  type ApplicationChoicesBody,
  type AttachmentCategory,
  type FormData,
  type FormTableKey,
} from '#common';
import { addressOf, clientOf } from './client';

export type { ReviewLog, ReviewLogEntry } from '#common';

const applications = clientOf(applicationsContract);

/** 申报评审 / 考核定职: the applicant's own applications and the 申报评审表. */
export const applicationsApi = {
  list: () => applications.listMine(),
  create: (body: ApplicationChoicesBody) => applications.create({ body }),
  get: (applicationId: string) => applications.get({ params: { id: applicationId } }),
  /** 申报信息: only while a draft. */
  saveChoices: (applicationId: string, version: number, body: ApplicationChoicesBody) =>
    applications.saveChoices({ params: { id: applicationId }, body: { ...body, version } }),
  /** One table of the form (draft or returned). 409 CONFLICT when `version` is stale. */
  saveTable: <K extends FormTableKey>(applicationId: string, table: K, version: number, data: FormData[K]) =>
    applications.saveTable({ params: { id: applicationId, table }, body: { version, data } }),
  upload: (applicationId: string, category: AttachmentCategory, file: File) =>
    applications.upload({ params: { id: applicationId, category }, file }),
  removeAttachment: (applicationId: string, attachmentId: string) =>
    applications.removeAttachment({ params: { id: applicationId, attachmentId } }),
  check: (applicationId: string) => applications.check({ params: { id: applicationId } }),
  submit: (applicationId: string, version: number) =>
    applications.submit({ params: { id: applicationId }, body: { version } }),
  reviewLog: (applicationId: string) => applications.reviewLog({ params: { id: applicationId } }),
};

/** The address of an attachment's file, shown inline (a picture or a PDF) to whoever may see the application. */
export function attachmentFileUrl(applicationId: string, attachmentId: string): string {
  return addressOf(applicationsContract.attachmentFile, { id: applicationId, attachmentId });
}
