import { sheetContract } from '#common';
import { clientOf } from './client';

export type { Sheet, Verification } from '#common';

const sheet = clientOf(sheetContract);

/** 查看申报表, 导出PDF and the public check of a printed copy. */
export const sheetApi = {
  sheet: (applicationId: string) => sheet.sheet({ params: { id: applicationId } }),
  /** The PDF as a file; with `attachments` the attachment files follow the form. */
  pdf: (applicationId: string, attachments: boolean) =>
    sheet.pdf({ params: { id: applicationId }, query: { attachments } }),
  verify: (code: string) => sheet.verification({ params: { code } }, { quietAuth: true }),
};
