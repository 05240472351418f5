import { defaultFormConfig, recentYears } from '#common';
import type { ApplicationEditor } from '../useApplicationEditor';

/** 表十一 asks for the years before the application's year (近五年), as the 提交前检查 counts them. */
export function missingYears(editor: ApplicationEditor): string[] {
  const app = editor.app.value;
  if (!app) return [];
  return recentYears(app.year, defaultFormConfig.annualReviewYears).filter(
    (year) => !editor.drafts.table11.some((row) => row.year === year),
  );
}

/**
 * Puts a row for each missing year into 表十一, with the unit as 考核单位: on an empty table when it is
 * opened, or when the person asks (`always`).
 */
export function prefillAnnualReview(editor: ApplicationEditor, always: boolean): void {
  const app = editor.app.value;
  const rows = editor.drafts.table11;
  if (!app || !editor.editable.value) return;
  if (!always && rows.length > 0) return;
  const organisation = app.unit?.name ?? '';
  const added = missingYears(editor).map((year) => ({ year, result: '' as const, organisation }));
  const all = [...rows, ...added].sort((a, b) => a.year.localeCompare(b.year));
  rows.splice(0, rows.length, ...all);
}
