import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Files are named outside by an id no one can guess or count through; the serial id stays inside.
  await db.schema
    .alterTable('stored_file')
    .addColumn('public_id', 'uuid', (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`gen_random_uuid()`),
    )
    .execute();
  // The sweeper looks for files nothing refers to.
  await db.schema.createIndex('attachment_stored_file_idx').on('attachment').column('stored_file_id').execute();
  await db.schema.createIndex('unit_license_file_idx').on('unit').column('license_file_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('unit_license_file_idx').execute();
  await db.schema.dropIndex('attachment_stored_file_idx').execute();
  await db.schema.alterTable('stored_file').dropColumn('public_id').execute();
}
