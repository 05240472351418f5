import { z } from 'zod';
import type { ColumnDeclaration, FormDataOf, TableDeclaration } from './form-declaration';
import { archivesForm } from './forms/archives.form';

/**
 * The 申报评审表 as structured data, its zod schemas derived from the declaration. Drafts are saved
 * with these lenient schemas (a half-filled row is kept, a malformed value is not); what a submission
 * needs is checked by `checkApplication`.
 */
export const formDeclaration = archivesForm;
export type FormData = FormDataOf<typeof archivesForm>;
export type FormTableKey = keyof FormData;

const yearMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `2014-13` is refused with its reason, not rolled over into 2015-01. */
export const yearMonthSchema = z.string().refine((v) => v === '' || yearMonthPattern.test(v), {
  error: (issue) => (/^\d{4}-\d{2}$/.test(String(issue.input)) ? '月份应为01至12' : '时间格式为 年-月，如 2014-09'),
});

/** The schema of one column's value, by its kind. */
function columnSchema(column: ColumnDeclaration): z.ZodType {
  const blank = z.literal('');
  switch (column.kind) {
    case 'flag':
      return z.boolean().default(false);
    case 'yearMonth':
      return yearMonthSchema.default('');
    case 'yearMonthOrNow':
      return z.union([z.literal('至今'), yearMonthSchema]).default('');
    case 'date':
      return z.union([blank, z.iso.date({ error: '日期格式为 年-月-日，如 2012-07-01' })]).default('');
    case 'year':
      return z.union([blank, z.string().regex(/^\d{4}$/, '年度为4位数字')]).default('');
    case 'choice':
      return column.openChoice
        ? textSchema(column)
        : z.enum(['', ...(column.options ?? [])] as [string, ...string[]], { error: '请从选项中选择' }).default('');
    case 'text':
    case 'longText':
      return textSchema(column);
  }
}

function textSchema(column: ColumnDeclaration) {
  const max = column.max ?? 100;
  return z.string().trim().max(max, `不超过${max}个字`).default('');
}

function recordSchema(table: TableDeclaration) {
  return z.object(Object.fromEntries(table.columns.map((c) => [c.key, columnSchema(c)])));
}

function tableSchema(table: TableDeclaration): z.ZodType {
  if (table.shape === 'fields') return recordSchema(table).prefault({});
  return z.array(recordSchema(table)).max(table.maxRows, `最多${table.maxRows}行`).default([]);
}

type TableSchemas = { [K in FormTableKey]: z.ZodType<FormData[K], unknown> };

export const formTables = Object.fromEntries(
  formDeclaration.tables.map((t) => [t.key, tableSchema(t)]),
) as unknown as TableSchemas;

export const formTableKeys = formDeclaration.tables.map((t) => t.key) as FormTableKey[];

export const formTableLabels = Object.fromEntries(formDeclaration.tables.map((t) => [t.key, t.label])) as Record<
  FormTableKey,
  string
>;

/** The declaration of one table. */
export function tableDeclaration(key: FormTableKey): TableDeclaration {
  return formDeclaration.tables.find((t) => t.key === key)!;
}

export const formDataSchema = z.object(formTables) as unknown as z.ZodType<FormData, unknown>;

/** An empty form, every table at its default. */
export function emptyForm(): FormData {
  return formDataSchema.parse({});
}
