import type { ColumnDeclaration, RowsTableDeclaration, TableDeclaration } from './form-declaration';

/** A column of a table as the sheet and the PDF print it. */
export interface PrintedColumn {
  key: string;
  label: string;
  /** Share of the table's width in percent; columns without one share what is left. */
  paperWidth?: number;
}

/** The printed columns of a row table: a period's start and end as one 起止时间 where the start was. */
export function printedColumns(table: RowsTableDeclaration): PrintedColumn[] {
  const columns: PrintedColumn[] = [];
  for (const c of table.columns) {
    if (table.period && c.key === table.period.end) continue;
    if (table.period && c.key === table.period.start)
      columns.push({ key: 'period', label: table.period.label, paperWidth: table.period.paperWidth });
    else columns.push({ key: c.key, label: c.label, paperWidth: c.paperWidth });
  }
  return columns;
}

/** Printed widths in percent, the undeclared columns sharing what the declared ones leave. */
export function paperWidths(columns: PrintedColumn[]): number[] {
  const declared = columns.reduce((sum, c) => sum + (c.paperWidth ?? 0), 0);
  const open = columns.filter((c) => c.paperWidth === undefined).length;
  const share = open ? Math.max(100 - declared, 0) / open : 0;
  return columns.map((c) => c.paperWidth ?? share);
}

/** A value as printed: a tick as ☑/☐, nothing as ''. */
export function printedValue(column: ColumnDeclaration | undefined, value: unknown): string {
  if (column?.kind === 'flag') return value === true ? '☑' : '☐';
  return value === undefined || value === null ? '' : String(value);
}

/** The cells of a row as printed, with its period joined as "2019-01 — 2020-12". */
export function printedCells(table: TableDeclaration, row: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const c of table.columns) cells[c.key] = printedValue(c, row[c.key]);
  if (table.shape === 'rows' && table.period) {
    const start = cells[table.period.start] ?? '';
    const end = cells[table.period.end] ?? '';
    cells.period = start || end ? `${start} — ${end}` : '';
  }
  return cells;
}

/**
 * How a table of fields is laid out on screen and on paper: one long text with its length (表三), a
 * preamble over a signature line (表十), or label–value pairs (表二).
 */
export function fieldsLayout(table: TableDeclaration): 'text' | 'signed' | 'pairs' {
  if (table.shape === 'fields' && table.preamble) return 'signed';
  if (table.columns.length === 1 && table.columns[0]!.kind === 'longText') return 'text';
  return 'pairs';
}
