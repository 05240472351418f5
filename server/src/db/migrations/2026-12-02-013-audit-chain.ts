import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Each audit row carries its place in one chain and a keyed hash over the row before it and itself:
  // a row changed, removed or slipped in afterwards breaks the chain (npm run audit:verify). Rows written
  // before this migration stay unchained; the chain begins with the first row after it.
  await db.schema.alterTable('audit_log').addColumn('seq', 'bigint').addColumn('row_hash', 'text').execute();
  await db.schema.createIndex('audit_log_seq_key').on('audit_log').column('seq').unique().execute();
  // The review log refused updates and deletes; a TRUNCATE went round that.
  await sql`create trigger review_log_no_truncate before truncate on review_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger review_log_no_truncate on review_log`.execute(db);
  await db.schema.dropIndex('audit_log_seq_key').execute();
  await db.schema.alterTable('audit_log').dropColumn('row_hash').dropColumn('seq').execute();
}
