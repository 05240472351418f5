import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Rows of every table of the public schema (the migrations' bookkeeping too), by table name. */
export async function tableRowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name: table } of rows) {
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = count[0]!.n;
  }
  return counts;
}

/** The migrations applied, in order; none when the schema was never migrated. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows: exists } = await sql<{ found: boolean }>`
    select to_regclass('public.kysely_migration') is not null as found`.execute(db);
  if (!exists[0]?.found) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** How many tables, views and sequences live outside the system schemas: 0 for a fresh database. */
export async function userRelationCount(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`.execute(db);
  return rows[0]!.n;
}
