import {
  checkApplication,
  defaultFormConfig,
  formDataSchema,
  submissionDeadlineRefusal,
  type AttachmentCategory,
  type CheckResult,
  type UnitReadiness,
} from '#common';
import { beijingDay } from '../../clock';
import type { Executor } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { findUnit } from '../units/unit.repository';
import { attachmentCategories } from './attachment.repository';
import { findBatchWindow, type ApplicationRow } from './application.repository';
import { sameYearRefusal } from './same-year-rule';

/** Whether a unit's people may submit now (the unit module's rule). */
export type UnitReadinessCheck = (unit: UnitRow) => Promise<UnitReadiness>;

async function attachmentCounts(db: Executor, applicationId: number) {
  const counts: Partial<Record<AttachmentCategory, number>> = {};
  for (const r of await attachmentCategories(db, applicationId)) {
    const category = r.category as AttachmentCategory;
    counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}

/** The blocking rules of a submission, beyond the form itself. */
async function blockers(db: Executor, row: ApplicationRow, now: Date, readiness: UnitReadinessCheck) {
  const list: CheckResult['blockers'] = [];
  if (row.kind === 'evaluation' && row.batch_id) {
    const batch = (await findBatchWindow(db, row.batch_id))!;
    const late = submissionDeadlineRefusal(
      row.status,
      { opensAt: batch.opens_at, closesAt: batch.closes_at, correctionClosesAt: batch.correction_closes_at },
      now,
    );
    if (late) list.push(late);
  }
  const unit = row.unit_id ? await findUnit(db, row.unit_id) : undefined;
  if (!unit) list.push({ code: 'NO_UNIT', message: '请先在【个人信息】中选择工作单位' });
  else if (row.status === 'draft') list.push(...(await readiness(unit)).blockers);
  const sameYear = await sameYearRefusal(db, row);
  if (sameYear) list.push({ code: sameYear.code, message: sameYear.message });
  return list;
}

/** 提交前检查: every missing item by table and attachment category, and every blocking rule. */
export async function checkSubmission(
  db: Executor,
  row: ApplicationRow,
  now: Date,
  readiness: UnitReadinessCheck,
): Promise<CheckResult> {
  const issues = checkApplication(
    {
      kind: row.kind,
      titleLevel: row.title_level,
      hasCommittee: row.committee_id !== null,
      hasSpecialties: row.specialty_studied_id !== null && row.specialty_practised_id !== null,
      form: formDataSchema.parse(row.form),
      attachmentCounts: await attachmentCounts(db, row.id),
      year: row.year,
      today: beijingDay(now),
    },
    defaultFormConfig,
  );
  const blocking = await blockers(db, row, now, readiness);
  return { issues, blockers: blocking, canSubmit: issues.length === 0 && blocking.length === 0 };
}
