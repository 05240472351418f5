import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Each printed 申报评审表: the verification code on the paper and the SHA-256 of the content it was
  // printed from. One code per application and content, so printing an unchanged form again gives
  // the same paper; who printed it when is in audit_log.
  await db.schema
    .createTable('print_record')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('first_printed_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('print_record_application_digest_key', ['application_id', 'digest'])
    .execute();
}
