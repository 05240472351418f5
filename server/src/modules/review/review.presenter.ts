import { maskIdNumber, maskPhone, reviewStageLabels, workflowActionLabels, type ReviewRow } from '#common';
import { stepNow } from '../../policies/application';
import { statusLabelOf, whereNow } from '../applications/application.presenter';
import type { ReviewListRow } from './review.repository';
import type { logOf } from './review-log.repository';

/** A desk's row: masked ID and phone, where the application is now, whether 表十二 is saved. */
export const presentReviewRow = (r: ReviewListRow): ReviewRow => ({
  id: String(r.id),
  version: r.version,
  kind: r.kind,
  year: r.year,
  name: r.person_name,
  unitName: r.unit_name,
  gender: r.gender,
  idNumberMasked: maskIdNumber(r.id_number),
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  seriesName: r.series_name,
  titleName: r.title_name,
  titleLevel: r.title_level,
  committeeName: r.committee_name,
  status: r.status,
  statusLabel: statusLabelOf(r),
  stage: stepNow(r)?.stage ?? null,
  whereNow: whereNow(r),
  submittedAt: r.submitted_at?.toISOString() ?? null,
  unitOpinionSaved: r.unit_opinion_saved,
});

/** 审核记录 of one application (manual §5.1), oldest first, counting each 返回修改 and 重置流程. */
export function presentTimeline(rows: Awaited<ReturnType<typeof logOf>>) {
  let count = 0;
  return rows.map((r) => {
    const counted = r.action === 'return' || r.action === 'reset';
    if (counted) count++;
    return {
      seq: r.seq,
      stageLabel: r.action === 'submit' ? '个人提交' : r.stage ? reviewStageLabels[r.stage] : '',
      action: r.action,
      actionLabel: `【${workflowActionLabels[r.action]}】`,
      orgName: r.org_name,
      opinion: r.opinion,
      at: r.at.toISOString(),
      actorName: r.actor_name,
      returnOrResetCount: counted ? count : null,
    };
  });
}
