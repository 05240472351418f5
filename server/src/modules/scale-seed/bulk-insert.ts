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

/** An account as the seed writes it: the login name and phone already sealed where they must be. */
export interface BulkAccount {
  kind: 'applicant' | 'unit' | 'reviewer';
  loginName: string;
  displayName: string;
  phone: { sealed: string; key: string } | null;
}

/** Accounts in bulk, all signing in with the one password hash; their ids in the rows' order. */
export function insertAccounts(db: Executor, accounts: BulkAccount[], passwordHash: string, now: Date) {
  return insertUnnest(
    db,
    'account',
    [
      ['kind', 'text'],
      ['login_name', 'text'],
      ['display_name', 'text'],
      ['phone', 'text'],
      ['phone_hash', 'text'],
      ['password_hash', 'text'],
      ['password_changed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    accounts.map((a) => [
      a.kind,
      a.loginName,
      a.displayName,
      a.phone?.sealed,
      a.phone?.key,
      passwordHash,
      now,
      now,
      now,
    ]),
    'id',
  );
}
