import type { ApplicationEditor } from '../useApplicationEditor';

/** 表十一 asks for the five years before the application's year. */
export function missingYears(editor: ApplicationEditor): string[] {
  const app = editor.app.value;
  if (!app) return [];
  const wanted = Array.from({ length: 5 }, (_, i) => String(app.year - 5 + i));
  return wanted.filter((year) => !editor.drafts.table11.some((row) => row.year === year));
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
