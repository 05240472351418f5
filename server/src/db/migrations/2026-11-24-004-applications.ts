import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('applicant_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('evaluation', 'assessment')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('batch_id', 'integer', (c) => c.references('committee_batch.id'))
    .addColumn('committee_id', 'integer', (c) => c.references('committee.id'))
    .addColumn('series_code', 'text', (c) => c.notNull().references('series.code'))
    .addColumn('title_id', 'integer', (c) => c.notNull().references('title.id'))
    .addColumn('title_level', 'text', (c) => c.notNull())
    .addColumn('specialty_studied_id', 'integer', (c) => c.references('specialty.id'))
    .addColumn('specialty_practised_id', 'integer', (c) => c.references('specialty.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'inReview', 'returned', 'rejected', 'passed')`),
    )
    .addColumn('stage_index', 'integer')
    // The route is computed at submission and kept: later changes to the unit do not move a running application.
    .addColumn('route', 'jsonb')
    .addColumn('returned_from_index', 'integer')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('cover', 'jsonb')
    .addColumn('unit_opinion', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('application_applicant_idx')
    .on('application')
    .columns(['applicant_account_id', 'year'])
    .execute();
  await db.schema.createIndex('application_unit_idx').on('application').columns(['unit_id', 'status']).execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('stored_file_id', 'integer', (c) => c.notNull().references('stored_file.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachment_application_idx')
    .on('attachment')
    .columns(['application_id', 'category'])
    .execute();

  await db.schema
    .createTable('review_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('submit', 'approve', 'reject', 'return', 'reset')`),
    )
    .addColumn('actor_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state_after', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('review_log_seq_key', ['application_id', 'seq'])
    .execute();
  await sql`create trigger review_log_no_update before update or delete on review_log for each row execute function audit_log_append_only()`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['review_log', 'attachment', 'application'])
    await db.schema.dropTable(table).ifExists().execute();
}
