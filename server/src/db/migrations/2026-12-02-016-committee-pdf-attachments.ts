import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // 导出PDF: whether the committee asks for the attachments bound after the form by default.
  await db.schema
    .alterTable('committee')
    .addColumn('pdf_with_attachments', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}
