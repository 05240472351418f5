import {
  formDeclaration,
  tableDeclaration,
  type ColumnDeclaration,
  type FormData,
  type FormTableKey,
  type RowsTableDeclaration,
} from '#common';

/**
 * The editor's view of the 申报评审表's declaration (common/src/application/forms): which tables are
 * rows, their columns, layout, hints and short names. Nothing here is declared twice.
 */
export type RowColumn = ColumnDeclaration;

type RowTables = Extract<(typeof formDeclaration.tables)[number], { shape: 'rows' }>;
export type RowTableKey = RowTables['key'];
export type RowOf<K extends RowTableKey> = FormData[K][number];

export const rowTableKeys = formDeclaration.tables.filter((t) => t.shape === 'rows').map((t) => t.key) as RowTableKey[];
export const isRowTable = (table: FormTableKey): table is RowTableKey =>
  (rowTableKeys as FormTableKey[]).includes(table);

export const rowTable = (table: RowTableKey) => tableDeclaration(table) as RowsTableDeclaration;

/** An empty row of a table: every column blank. */
export function emptyRow<K extends RowTableKey>(table: K): RowOf<K> {
  return Object.fromEntries(rowTable(table).columns.map((c) => [c.key, ''])) as RowOf<K>;
}

/** What each table is for, shown above it. */
export const tableHint = (table: FormTableKey): string | undefined => tableDeclaration(table).hint;

/** 表一 … 表十一 in the navigation. */
export const tableShortLabel = (table: FormTableKey): string => tableDeclaration(table).shortLabel;
