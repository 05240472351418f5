/**
 * How a 申报评审表 is declared: its tables and, per table, its columns as data. The zod schemas, the
 * 提交前检查's per-column rules, the editor's columns, the read-only sheet, the PDF and the sample form
 * of the tests are all derived from one declaration; a province or series with another form is
 * another declaration, not new code.
 */

/** How a column is typed and checked. */
export type ColumnKind =
  /** One line of text. */
  | 'text'
  /** Several lines (工作内容, 表三's summary). */
  | 'longText'
  /** 年-月, e.g. 2014-09. */
  | 'yearMonth'
  /** 年-月 or 至今 (an end still running). */
  | 'yearMonthOrNow'
  /** 年-月-日. */
  | 'date'
  /** A year, e.g. 2024. */
  | 'year'
  /** One of `options`; with `openChoice` the options are suggestions and other text is kept. */
  | 'choice'
  /** A tick (表十 本人已阅读并同意). */
  | 'flag';

export interface ColumnDeclaration {
  readonly key: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /** Characters at most (text kinds). */
  readonly max?: number;
  /** Needed before 提交. */
  readonly required?: boolean;
  /** What the 提交前检查 says when a required field is blank or a required tick is not given. */
  readonly missingMessage?: string;
  /** Needed before 提交 once the column of this key is filled (现职称 → 取得时间). */
  readonly requiredWith?: string;
  readonly options?: readonly string[];
  readonly openChoice?: boolean;
  /** A date that cannot lie after today (a 授权时间, a 毕业时间). */
  readonly past?: boolean;
  /** Width in pixels in the editor's table. */
  readonly screenWidth?: number;
  /** Share of a printed table's width, in percent; columns without one share the rest. */
  readonly paperWidth?: number;
  readonly placeholder?: string;
}

interface TableDeclarationBase {
  readonly key: string;
  /** 表一：主要学习和工作经历. */
  readonly label: string;
  /** 表一 学习和工作经历, in the navigation. */
  readonly shortLabel: string;
  /** What the table is for, shown above it. */
  readonly hint?: string;
  readonly columns: readonly ColumnDeclaration[];
}

/** A table of rows (表一, 表四 …): each row one experience, project or paper. */
export interface RowsTableDeclaration extends TableDeclarationBase {
  readonly shape: 'rows';
  readonly maxRows: number;
  /** At least this many rows before 提交, with the message to show when there are fewer. */
  readonly minRows?: { readonly count: number; readonly message: string };
  /** Short fields are edited as a table; long texts as one block per row. */
  readonly layout: 'table' | 'cards';
  /** Start and end columns of a period: the end may not lie before the start; printed as 起止时间. */
  readonly period?: {
    readonly start: string;
    readonly end: string;
    readonly label: string;
    readonly paperWidth?: number;
  };
  /** A year column that must cover the last N years before the application's year (表十一 近五年). */
  readonly recentYears?: { readonly column: string };
}

/** A table of single fields (表二 基本情况, 表三's summary, 表十 承诺书). */
export interface FieldsTableDeclaration extends TableDeclarationBase {
  readonly shape: 'fields';
  /** Text printed above the fields (the 承诺书's wording). */
  readonly preamble?: string;
}

export type TableDeclaration = RowsTableDeclaration | FieldsTableDeclaration;

/** The parts of the sheet that reviewers and the committee fill, after the applicant's tables. */
export interface SheetDeclaration {
  readonly title: string;
  readonly unitOpinion: string;
  /** 表十三–十六, by the level the committee reviews. */
  readonly committeeRecords: readonly { readonly level: string; readonly label: string }[];
  readonly recommendations: string;
}

export interface FormDeclaration {
  /** Names the declaration, e.g. `yunnan-archives-2026`. */
  readonly id: string;
  readonly tables: readonly TableDeclaration[];
  readonly sheet: SheetDeclaration;
}

/** The value a column holds: a tick, a closed choice's option (or blank), or text. */
type ValueOf<C extends ColumnDeclaration> = C extends { kind: 'flag' }
  ? boolean
  : C extends { openChoice: true }
    ? string
    : C extends { kind: 'choice'; options: readonly (infer O extends string)[] }
      ? '' | O
      : string;

export type RecordOf<Cs extends readonly ColumnDeclaration[]> = {
  -readonly [C in Cs[number] as C['key']]: ValueOf<C>;
};

type TableValue<T extends TableDeclaration> = T extends { shape: 'rows' }
  ? RecordOf<T['columns']>[]
  : RecordOf<T['columns']>;

/** The data of a form, table by table, as the declaration `D` types it. */
export type FormDataOf<D extends FormDeclaration> = {
  -readonly [T in D['tables'][number] as T['key']]: TableValue<T>;
};
