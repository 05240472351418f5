import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** A column of a bulk insert and its PostgreSQL type, as `unnest` needs it to read the array. */
export type BulkColumn = readonly [name: string, type: 'int' | 'text' | 'timestamptz' | 'bool' | 'jsonb' | 'date'];

/**
 * Inserts many rows in one statement: each column travels as one array parameter and `unnest` turns
 * them back into rows, so that the statement has as many parameters as columns whatever the rows
 * (a multi-row VALUES runs out at 65,535 parameters) and PostgreSQL parses it once. Returns the
 * `returning` column of each row, in the rows' order.
 */
export async function insertUnnest(
  db: Executor,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  returning?: string,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const unnested = sql.join(
    columns.map(([, type], c) => sql`${arrays[c]}::${sql.raw(type)}[]`),
    sql`, `,
  );
  // with ordinality keeps the rows' order through to `returning`.
  const query = returning
    ? sql<{ id: number }>`insert into ${sql.table(table)} (${names})
        select ${names} from unnest(${unnested}) with ordinality as r(${names}, n) order by n
        returning ${sql.ref(returning)} as id`
    : sql`insert into ${sql.table(table)} (${names}) select * from unnest(${unnested})`;
  const result = await query.execute(db);
  return (result.rows as { id: number }[]).map((r) => Number(r.id));
}
