import type { ReviewStage } from '../enums';
import type { ApplicationKind } from './route-rules';
import { applicationStatusLabels, type ApplicationStatus } from './workflow';

const judgedByCommittee: readonly ReviewStage[] = ['meeting', 'publicNotice', 'confirmation'];

/**
 * An application's status in the words its applicant reads: 审核中 along the desks, 评审中 once the
 * committee works on it, 公示中, 待人社部门确认, and 已通过评审 only after the bureau confirmed it — never
 * 审核通过 for an evaluation before its result is confirmed. `stage` is the stage at its stage index
 * (for a decided application, the stage that decided it).
 */
export function statusWording(app: { status: ApplicationStatus; kind: ApplicationKind; stage: ReviewStage | null }) {
  const { status, kind, stage } = app;
  switch (status) {
    case 'inReview':
      if (stage === 'publicNotice') return '公示中';
      if (stage === 'confirmation') return '待人社部门确认';
      if (stage === 'officeReview' || stage === 'groupReview' || stage === 'meeting') return '评审中';
      return applicationStatusLabels.inReview;
    case 'rejected':
      return stage && judgedByCommittee.includes(stage) ? '未通过评审' : applicationStatusLabels.rejected;
    case 'passed':
      // A committee that reviews outside the system ends the route at its electronic check.
      if (kind === 'evaluation') return stage === 'confirmation' ? '已通过评审' : '材料审核通过';
      return applicationStatusLabels.passed;
    case 'draft':
    case 'returned':
      return applicationStatusLabels[status];
  }
}
