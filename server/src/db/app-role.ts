import { sql, type Kysely } from 'kysely';
import { openDatabase } from './database';
import type { Database } from './schema';
import { prepareDatabase } from './migrate';

/** Tables whose rows are history: the application adds to them and reads them, nothing else. */
const appendOnly = ['audit_log', 'review_log'];

/**
 * What the application's own PostgreSQL role may do once the owner has migrated: read and write the
 * working tables, only add to the logs, and nothing an owner does (TRUNCATE, dropping or disabling the
 * append-only triggers, altering tables). Run after every migration, so new tables are covered.
 */
export async function grantAppRole(owner: Kysely<Database>, appRole: string): Promise<void> {
  const role = sql.id(appRole);
  await sql`grant usage on schema public to ${role}`.execute(owner);
  await sql`revoke all on all tables in schema public from ${role}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner);
  for (const table of appendOnly) {
    await sql`revoke update, delete on ${sql.table(table)} from ${role}`.execute(owner);
  }
  // The migrator's own bookkeeping is the owner's.
  await sql`revoke insert, update, delete on kysely_migration, kysely_migration_lock from ${role}`.execute(owner);
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner);
}

/** The role a connection string signs in as. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/**
 * Migrations (and the reference data) through the owner's connection, then the application role's
 * rights; the application itself then connects as a role that owns nothing.
 */
export async function prepareAsOwner(ownerUrl: string, appUrl: string): Promise<string[]> {
  const owner = await openDatabase({ kind: 'postgres', url: ownerUrl, poolSize: 1 });
  try {
    const applied = await prepareDatabase(owner.db);
    const appRole = roleOf(appUrl);
    if (appRole && appRole !== roleOf(ownerUrl)) await grantAppRole(owner.db, appRole);
    return applied;
  } finally {
    await owner.close();
  }
}
