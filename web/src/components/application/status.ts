import { titleLevelLabels, type Application, type ApplicationStatus } from '#common';

/** The colour of an application's status tag. */
export const statusTagType: Record<ApplicationStatus, 'info' | 'primary' | 'warning' | 'danger' | 'success'> = {
  draft: 'info',
  inReview: 'primary',
  returned: 'warning',
  rejected: 'danger',
  passed: 'success',
};

/** Decided by the committee's meeting (or after its 公示), not by a desk. */
const committeeDecided = (app: Pick<Application, 'stage'>) =>
  app.stage === 'meeting' || app.stage === 'publicNotice' || app.stage === 'confirmation';

/**
 * What a final decision means to the applicant. Nobody can 返回修改 or 重置流程 it any more, so the pages
 * say this instead of pointing at the reviewing department; null while the review goes on.
 */
export function finalOutcome(
  app: Pick<Application, 'status' | 'year' | 'whereNow' | 'title' | 'kind' | 'stage'>,
): { type: 'error' | 'success'; title: string } | null {
  const level = titleLevelLabels[app.title.level];
  switch (app.status) {
    case 'rejected':
      return committeeDecided(app)
        ? {
            type: 'error',
            title: `未通过评审：评审会议表决未通过，${app.year}年度的该项申报已结束，本年度不能再次申报该系列该级别（${level}）的职称。表决结果见审核记录。`,
          }
        : {
            type: 'error',
            title: `审核不通过：${app.year}年度的该项申报已结束，本年度不能再次申报该系列该级别（${level}）的职称。不通过的原因见审核记录中的审核意见。`,
          };
    case 'passed':
      // Confirmed by the HR department after the committee's own review; a committee that reviews outside
      // the system ends the route at its electronic check, which is all the system can say passed.
      return app.kind === 'evaluation' && app.stage === 'confirmation'
        ? {
            type: 'success',
            title: `已通过评审：评审委员会评审通过，评审结果已经人社部门确认，取得${app.title.name}（${level}）资格。申报材料不再修改。`,
          }
        : { type: 'success', title: `审核通过：${app.whereNow}。申报材料不再修改。` };
    case 'draft':
    case 'inReview':
    case 'returned':
      return null;
  }
}
