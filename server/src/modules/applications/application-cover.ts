import type { Application } from '#common';
import { beijingDay } from '../../clock';
import type { Executor } from '../../db/database';
import * as lookup from './application-lookup.repository';
import type { ApplicationRow } from './application.repository';

/**
 * The cover (封面) of the form: kept as submitted, or made from the current names while it is a draft
 * (after 重置流程 too, when it was cleared).
 */
export async function coverOf(db: Executor, row: ApplicationRow, filledAt: Date): Promise<Application['cover']> {
  if (row.cover) return row.cover as Application['cover'];
  const [person, unit, title, series, practised, supervisor] = await Promise.all([
    lookup.applicantName(db, row.applicant_account_id),
    row.unit_id ? lookup.unitName(db, row.unit_id) : undefined,
    lookup.findTitle(db, row.title_id),
    lookup.seriesName(db, row.series_code),
    row.specialty_practised_id ? lookup.findSpecialty(db, row.specialty_practised_id) : undefined,
    row.unit_id ? lookup.defaultSupervisorName(db, row.unit_id) : undefined,
  ]);
  const day = beijingDay(row.submitted_at ?? filledAt);
  return {
    name: person?.name ?? '',
    unitName: unit?.name ?? '',
    supervisorName: supervisor?.name ?? '',
    seriesName: series?.name ?? '',
    titleName: title?.name ?? '',
    specialtyName: practised?.name ?? '',
    filledAt: `${day.slice(0, 4)}年${day.slice(5, 7)}月${day.slice(8, 10)}日`,
  };
}
