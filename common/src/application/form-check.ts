import type { ColumnDeclaration, FormDeclaration, RowsTableDeclaration, TableDeclaration } from './form-declaration';

/** One thing a table still lacks or has wrong. */
export interface TableIssue {
  table: string;
  tableLabel: string;
  message: string;
}

export interface TableCheckContext {
  /** Today in Beijing, YYYY-MM-DD: no date of the past kind may lie after it. */
  today: string;
  /** The calendar year of the batch (or of the application), for 近五年. */
  year: number;
  /** How many years before `year` a `recentYears` column must cover. */
  recentYears: number;
}

type Row = Record<string, unknown>;

const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const filled = (column: ColumnDeclaration, value: unknown) =>
  column.kind === 'flag' ? value === true : textOf(value) !== '';

/** A value compared with today at its own precision: a year, a month or a day. */
function afterToday(column: ColumnDeclaration, value: string, today: string): boolean {
  if (value === '' || value === '至今') return false;
  if (column.kind === 'year') return value > today.slice(0, 4);
  if (column.kind === 'date') return value > today;
  return value > today.slice(0, 7);
}

/** The problems of one record (a row, or a table of fields), without the table's name. */
function recordProblems(table: TableDeclaration, record: Row, ctx: TableCheckContext): string[] {
  const problems: string[] = [];
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const missing = table.columns.filter((c) => c.required && !c.missingMessage && !filled(c, record[c.key]));
  if (missing.length) problems.push(`未填写：${missing.map((c) => c.label).join('、')}`);
  for (const c of table.columns) {
    if (c.required && c.missingMessage && !filled(c, record[c.key])) problems.push(c.missingMessage);
    const other = c.requiredWith ? byKey.get(c.requiredWith) : undefined;
    if (other && filled(other, record[other.key]) && !filled(c, record[c.key]))
      problems.push(`填写了${other.label}，请填写${c.label}`);
    if (c.past && afterToday(c, textOf(record[c.key]), ctx.today)) problems.push(`${c.label}不能晚于今天`);
  }
  if (table.shape === 'rows' && table.period) {
    const from = textOf(record[table.period.start]);
    const to = textOf(record[table.period.end]);
    if (from && to && to !== '至今' && to < from) problems.push('结束时间早于起始时间');
  }
  return problems;
}

/** The N years before `year`, oldest first: what 近五年 asks for. */
export function recentYears(year: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(year - count + i));
}

/** 近五年: each of the last N years once, and no year outside them. */
function recentYearProblems(table: RowsTableDeclaration, rows: Row[], ctx: TableCheckContext): string[] {
  const column = table.recentYears!.column;
  const wanted = recentYears(ctx.year, ctx.recentYears);
  const years = rows.map((r) => textOf(r[column])).filter((y) => y !== '');
  const problems: string[] = [];
  const missing = wanted.filter((y) => !years.includes(y));
  if (missing.length) problems.push(`请填写 ${missing.join('、')} 年度的考核结果`);
  const outside = [...new Set(years.filter((y) => !wanted.includes(y)))];
  if (outside.length)
    problems.push(`${outside.join('、')} 年度不在近五年（${wanted[0]}–${wanted.at(-1)}）内，请删除或改正`);
  const twice = [...new Set(years.filter((y, i) => years.indexOf(y) !== i))];
  if (twice.length) problems.push(`${twice.join('、')} 年度填写了多次`);
  return problems;
}

/**
 * What the declaration itself asks of the applicant's tables: required columns, a period's end after
 * its start, no date of the past in the future, and 近五年. Pure, so the editor shows the list the
 * server enforces.
 */
export function checkFormTables(
  declaration: FormDeclaration,
  form: Record<string, unknown>,
  ctx: TableCheckContext,
): TableIssue[] {
  const issues: TableIssue[] = [];
  for (const table of declaration.tables) {
    const add = (message: string) => issues.push({ table: table.key, tableLabel: table.label, message });
    const value = form[table.key];
    if (table.shape === 'fields') {
      recordProblems(table, (value ?? {}) as Row, ctx).forEach(add);
      continue;
    }
    const rows = (Array.isArray(value) ? value : []) as Row[];
    if (table.minRows && rows.length < table.minRows.count) add(table.minRows.message);
    rows.forEach((row, i) => recordProblems(table, row, ctx).forEach((p) => add(`第${i + 1}行${p}`)));
    if (table.recentYears) recentYearProblems(table, rows, ctx).forEach(add);
  }
  return issues;
}
