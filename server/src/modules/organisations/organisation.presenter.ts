import type { ReviewerActor } from '../../domain/actor';
import type { committeesWithBatches, listHrBureaus, listSupervisors, openBatches } from './organisation.repository';
import type { ReviewerListRow } from './reviewer.repository';

type Row<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>> extends (infer R)[] ? R : never;

export const presentSupervisor = (r: Row<typeof listSupervisors>) => ({
  id: String(r.id),
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  disabled: r.disabled_at !== null,
});

export const presentHrBureau = (r: Row<typeof listHrBureaus>) => ({
  id: String(r.id),
  name: r.name,
  regionCode: r.region_code,
  regionName: r.region_name,
  level: r.level,
  disabled: r.disabled_at !== null,
});

/** A committee with its batches; a batch is open while `now` is within its 网报时间, unless disabled. */
export const presentCommittee = (c: Row<typeof committeesWithBatches>, now: Date) => ({
  id: String(c.id),
  name: c.name,
  seriesCode: c.series_code,
  seriesName: c.series_name,
  titleLevels: c.title_levels,
  printFromStage: c.print_from_stage,
  pdfWithAttachments: c.pdf_with_attachments,
  confirmingBureau:
    c.confirming_bureau_id !== null
      ? { id: String(c.confirming_bureau_id), name: c.confirming_bureau_name ?? '' }
      : null,
  officeReview: c.office_review,
  groupReview: c.group_review,
  quorumShare: { num: c.quorum_num, den: c.quorum_den },
  passShare: { num: c.pass_num, den: c.pass_den },
  noticeWorkingDays: c.notice_working_days,
  certificatePattern: c.certificate_pattern,
  notice: c.notice,
  batches: c.batches.map((b) => ({
    id: String(b.id),
    year: b.year,
    opensAt: b.opens_at.toISOString(),
    closesAt: b.closes_at.toISOString(),
    correctionClosesAt: b.correction_closes_at?.toISOString() ?? null,
    notice: b.notice,
    open: b.disabled_at === null && b.opens_at <= now && now < b.closes_at,
    disabled: b.disabled_at !== null,
  })),
});

export const presentOpenCommittee = (r: Row<typeof openBatches>) => ({
  committeeId: String(r.committee_id),
  batchId: String(r.batch_id),
  committeeName: r.committee_name,
  seriesName: r.series_name,
  year: r.year,
  opensAt: r.opens_at.toISOString(),
  closesAt: r.closes_at.toISOString(),
  notice: r.notice,
});

export const presentReviewer = (r: ReviewerListRow) => ({
  accountId: String(r.account_id),
  username: r.login_name,
  displayName: r.display_name,
  orgKind: r.org_kind,
  orgId: String(r.org_id),
  orgName: r.org_name,
  locked: r.locked_at !== null,
  twoFactor: Boolean(r.two_factor),
});

export const presentReviewerOrg = (org: Pick<ReviewerActor, 'orgKind' | 'orgId' | 'orgName'>) => ({
  orgKind: org.orgKind,
  orgId: String(org.orgId),
  orgName: org.orgName,
});
