import { applicationStatusLabels, titleLevelLabels, type Application, type ApplicationStatus } from '#common';

/** The colour of an application's status tag. */
export const statusTagType: Record<ApplicationStatus, 'info' | 'primary' | 'warning' | 'danger' | 'success'> = {
  draft: 'info',
  inReview: 'primary',
  returned: 'warning',
  rejected: 'danger',
  passed: 'success',
};

export const statusLabel = (status: ApplicationStatus) => applicationStatusLabels[status];

/**
 * What a final decision means to the applicant. Nobody can 返回修改 or 重置流程 it any more, so the pages
 * say this instead of pointing at the reviewing department; null while the review goes on.
 */
export function finalOutcome(
  app: Pick<Application, 'status' | 'year' | 'whereNow' | 'title'>,
): { type: 'error' | 'success'; title: string } | null {
  switch (app.status) {
    case 'rejected':
      return {
        type: 'error',
        title: `审核不通过：${app.year}年度的该项申报已结束，本年度不能再次申报该系列该级别（${titleLevelLabels[app.title.level]}）的职称。不通过的原因见审核记录中的审核意见。`,
      };
    case 'passed':
      return { type: 'success', title: `审核通过：${app.whereNow}。申报材料不再修改。` };
    case 'draft':
    case 'inReview':
    case 'returned':
      return null;
  }
}
