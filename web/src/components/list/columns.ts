import type { Ref } from 'vue';

/**
 * One column of a list, declared once for both of its looks: a cell of the wide table and a "label: value"
 * line of the card a phone shows instead. A `cell-<key>` slot of PagedTable draws the value when it is more
 * than text (a tag, a link); otherwise `text(row)`, or the row's property named `key`.
 */
export interface ListColumn<T> {
  key: string;
  label: string;
  text?: (row: T) => string;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'center' | 'right';
  /** A long value is cut with … and shown whole in a tooltip (table only: a card wraps it). */
  tooltip?: boolean;
  /** On the card: 'title' heads it (the row's name), 'hidden' leaves out what only the table has room for. */
  card?: 'title' | 'hidden';
}

/** What PagedTable shows: the rows and their request's state; a paged list adds its page (usePaged). */
export interface ListSource<T> {
  rows: Readonly<Ref<T[]>>;
  loading: Readonly<Ref<boolean>>;
  /** The failed request's message (ListEmpty shows 加载失败 and 重试), null after a success. */
  error: Readonly<Ref<string | null>>;
  load: () => Promise<void>;
  total?: Readonly<Ref<number>>;
  /** The list is longer than `total`: the server counted it only that far. */
  totalCapped?: Readonly<Ref<boolean>>;
  paging?: { page: number; pageSize: number };
  onSizeChange?: (size: number) => void;
  onPageChange?: (page: number) => void;
  /** 序号 of a row on the current page. */
  indexOf?: (index: number) => number;
}
