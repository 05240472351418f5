import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from './database';
import type { Database } from './schema';
import { maxRecordId } from '#common';
import { AppError } from '../domain/app-error';

export interface PageRequest {
  page: number;
  pageSize: number;
  /** A cursor from `nextCursor`: read the page after it by key instead of by offset. */
  after?: string;
}

export interface PageOf<R> {
  rows: R[];
  total: number;
  nextCursor: string | null;
  /** The list holds more rows than `total` says: it was counted only up to a cap. */
  totalCapped?: boolean;
}

/**
 * Newest first by a timestamp column, then by id: the order of every list that can grow large. The
 * cursor keeps milliseconds, as every timestamp the server writes (from its clock) has.
 */
export interface KeyColumns {
  sort: string;
  id: string;
}

export interface KeyOrder<R> extends KeyColumns {
  keyOf: (row: R) => { sort: Date; id: number };
}

const encode = (key: { sort: Date; id: number }) =>
  Buffer.from(JSON.stringify([key.sort.toISOString(), key.id])).toString('base64url');

function decode(cursor: string): { sort: Date; id: number } {
  try {
    const [sort, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    const at = new Date(String(sort));
    // Only what encode() can have written: an id the database's integer holds, a year of four digits.
    // Anything else would reach the query and fail there (out of range) as a 500.
    const year = at.getUTCFullYear();
    if (Number.isNaN(at.getTime()) || year < 1 || year > 9999) throw new Error('bad cursor');
    if (!Number.isSafeInteger(id) || (id as number) < 0 || (id as number) > maxRecordId) throw new Error('bad cursor');
    return { sort: at, id: id as number };
  } catch {
    throw new AppError('VALIDATION_FAILED', '分页参数有误，请回到第一页重新查询');
  }
}

/**
 * One page of a filtered list and the count of all its rows. `base` holds the joins and filters,
 * `rows` adds the columns the list shows. With `order`, the list is sorted newest first and a
 * request carrying `after` is read by key (fast at any depth); without it, `rows` sorts and pages go
 * by offset.
 */
export async function paginate<DB, TB extends keyof DB, O, R>(
  base: SelectQueryBuilder<DB, TB, O>,
  request: PageRequest,
  rows: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  order?: KeyOrder<R>,
): Promise<PageOf<R>> {
  let query = rows(base);
  if (order) query = inKeyOrder(query, order, request.after ? decode(request.after) : undefined);
  if (!order || !request.after) query = query.offset((request.page - 1) * request.pageSize);
  const [items, count] = await Promise.all([
    query.limit(request.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  const last = items.at(-1);
  const nextCursor = order && last && items.length === request.pageSize ? encode(order.keyOf(last)) : null;
  return { rows: items, total: (count as { total: number }).total, nextCursor };
}

/** Newest first by the order's key, and only the rows after `after` (the last row of the page before). */
function inKeyOrder<DB, TB extends keyof DB, R>(
  query: SelectQueryBuilder<DB, TB, R>,
  order: KeyColumns,
  after: { sort: Date; id: number } | undefined,
): SelectQueryBuilder<DB, TB, R> {
  const sorted = query.orderBy(sql.ref(order.sort), 'desc').orderBy(sql.ref(order.id), 'desc');
  if (!after) return sorted;
  return sorted.where(sql<boolean>`(${sql.ref(order.sort)}, ${sql.ref(order.id)}) < (${after.sort}, ${after.id})`);
}

/**
 * Every row of a list in its key order, `size` rows a query, each read by key after the last: an export
 * holds one batch at a time however long the list, and each query is as fast at the end as at the start.
 * Stops before the next query once `signal` is aborted (the client went away).
 */
export async function* keysetBatches<DB, TB extends keyof DB, R>(
  query: SelectQueryBuilder<DB, TB, R>,
  order: KeyOrder<R>,
  size: number,
  signal?: AbortSignal,
): AsyncGenerator<R[]> {
  let after: { sort: Date; id: number } | undefined;
  while (!signal?.aborted) {
    const rows = await inKeyOrder(query, order, after).limit(size).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = order.keyOf(rows.at(-1)!);
  }
}

/** The key of a row of a list that pages by key. */
export type RowKey = { id: number; submitted_at: Date | null };

/** Newest submission first, then by id: the order of the lists that page by key. */
export const submissionOrder: KeyOrder<RowKey> = {
  sort: 'application.submitted_at',
  id: 'application.id',
  keyOf: (r) => ({ sort: r.submitted_at ?? new Date(0), id: r.id }),
};

type ApplicationQuery = SelectQueryBuilder<Database, 'application', object>;

/** How many rows a filtered list has, counted up to `cap` + 1 at most: no page costs a count of a million. */
export async function cappedCount(db: Executor, base: ApplicationQuery, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      base
        .select('application.id')
        .limit(cap + 1)
        .as('capped'),
    )
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return row.total;
}

/**
 * A page of a list of applications that can hold a million: the page's ids are read in `order`, the
 * order of an index that holds the filters too (no row read; by offset for the pager's page numbers or,
 * after a cursor, by key), and `rowsOf` reads the shown rows of those ids only, in one statement.
 * `counted` is the list's length, or up to `cap` + 1 when it was counted with `cappedCount`.
 */
export async function pageByKeys<R extends RowKey>(
  base: ApplicationQuery,
  request: PageRequest,
  order: KeyColumns,
  rowsOf: (pageIds: SelectQueryBuilder<Database, 'application', { id: number }>) => Promise<R[]>,
  counted: Promise<number>,
  cap: number,
): Promise<PageOf<R>> {
  const ids = base.select(sql.ref<number>(order.id).as('id'));
  let page = inKeyOrder(ids, order, request.after ? decode(request.after) : undefined);
  if (!request.after) page = page.offset((request.page - 1) * request.pageSize);
  const [found, total] = await Promise.all([rowsOf(page.limit(request.pageSize)), counted]);
  const rows = found.sort((a, b) => b.submitted_at!.getTime() - a.submitted_at!.getTime() || b.id - a.id);
  const last = rows.at(-1);
  return {
    rows,
    total: Math.min(total, cap),
    totalCapped: total > cap,
    nextCursor: last && rows.length === request.pageSize ? encode(submissionOrder.keyOf(last)) : null,
  };
}
