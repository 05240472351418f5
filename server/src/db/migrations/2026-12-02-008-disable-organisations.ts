import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
// 停用: a supervising department, an HR bureau or a committee batch that is used cannot be deleted; the
// platform admin disables it instead, and it is no longer offered for new choices.
const tables = ['supervisor', 'hr_bureau', 'committee_batch'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of tables) await db.schema.alterTable(table).addColumn('disabled_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) await db.schema.alterTable(table).dropColumn('disabled_at').execute();
}
