import {
  formDataSchema,
  reviewStageLabels,
  statusWording,
  type Application,
  type AttachmentCategory,
  type WorkflowAction,
} from '#common';
import { stepNow } from '../../policies/application';
import type { ApplicationRow } from './application.repository';
import type { attachmentsOf } from './attachment.repository';
import type * as lookup from './application-lookup.repository';

/** Where the application is and who holds it, in the words the applicant reads. */
export function whereNow(
  row: Pick<ApplicationRow, 'status' | 'kind' | 'route' | 'stage_index' | 'returned_from_index' | 'return_count'>,
): string {
  switch (row.status) {
    case 'draft':
      return row.return_count > 0 ? '已重置流程，待申报人修改后重新提交' : '草稿，尚未提交';
    case 'inReview': {
      const step = stepNow(row);
      return step ? `${reviewStageLabels[step.stage]}中（${step.orgName}）` : '审核中';
    }
    case 'returned': {
      const from = row.route && row.returned_from_index !== null ? row.route[row.returned_from_index] : null;
      return from ? `已被${from.orgName}返回修改，修改后提交将直接回到${reviewStageLabels[from.stage]}` : '已返回修改';
    }
    case 'rejected':
      return `${statusLabelOf(row)}，本年度该系列该等级不能再次申报`;
    case 'passed':
      if (row.kind === 'assessment') return '考核定职审核通过';
      // A committee that reviews outside the system ends the route at its electronic check.
      return stageAt(row) === 'confirmation' ? '已通过评审，评审结果已经人社部门确认' : '评委会电子材料审核已通过';
  }
}

/** The stage an application is at, or for a decided one the stage that decided it. */
const stageAt = (row: Pick<ApplicationRow, 'route' | 'stage_index'>) =>
  row.route && row.stage_index !== null ? (row.route[row.stage_index]?.stage ?? null) : null;

/** The status in the applicant's words (评审中, 公示中, 已通过评审 …). */
export function statusLabelOf(row: Pick<ApplicationRow, 'status' | 'kind' | 'route' | 'stage_index'>): string {
  return statusWording({ status: row.status, kind: row.kind, stage: stageAt(row) });
}

type Found<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The rows an application's page shows beside the application itself. */
export interface ApplicationDetails {
  committee: Found<typeof lookup.findCommittee>;
  batch: { id: number; year: number; closes_at: Date } | undefined;
  title: NonNullable<Found<typeof lookup.findTitle>>;
  studied: Found<typeof lookup.findSpecialty>;
  practised: Found<typeof lookup.findSpecialty>;
  unit: Found<typeof lookup.unitName>;
  files: Found<typeof attachmentsOf>;
  cover: Application['cover'];
}

/** What the actor may do with it, decided by the policy: the page shows only these buttons. */
export interface ApplicationRights {
  abilities: WorkflowAction[];
  editable: { choices: boolean; tables: boolean };
}

export function presentApplication(row: ApplicationRow, d: ApplicationDetails, rights: ApplicationRights): Application {
  return {
    id: String(row.id),
    kind: row.kind,
    year: row.year,
    status: row.status,
    statusLabel: statusLabelOf(row),
    stage: stepNow(row)?.stage ?? null,
    whereNow: whereNow(row),
    committee: d.committee ? { id: String(d.committee.id), name: d.committee.name } : null,
    batch: d.batch ? { id: String(d.batch.id), year: d.batch.year, closesAt: d.batch.closes_at.toISOString() } : null,
    seriesCode: row.series_code,
    title: { id: String(d.title.id), name: d.title.name, level: d.title.level, gradeLabel: d.title.grade_label },
    specialtyStudied: d.studied ? { id: String(d.studied.id), pathName: d.studied.path_name } : null,
    specialtyPractised: d.practised ? { id: String(d.practised.id), pathName: d.practised.path_name } : null,
    unit: d.unit ? { id: String(d.unit.id), name: d.unit.name } : null,
    cover: d.cover,
    form: formDataSchema.parse(row.form),
    attachments: d.files.map((f) => ({
      id: String(f.id),
      category: f.category as AttachmentCategory,
      fileId: String(f.file_id),
      originalName: f.original_name,
      contentType: f.content_type,
      sizeBytes: f.size_bytes,
      uploadedAt: f.created_at.toISOString(),
    })),
    version: row.version,
    returnCount: row.return_count,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    ...rights,
  };
}
