import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Who holds an application now, kept with every transition so that each desk is one indexed query.
  await db.schema
    .alterTable('application')
    .addColumn('holder_kind', 'text')
    .addColumn('holder_org_id', 'integer')
    .execute();
  await db.schema
    .createIndex('application_desk_idx')
    .on('application')
    .columns(['holder_kind', 'holder_org_id', 'year'])
    .execute();

  // Which organisation wrote each log row, for the 审核记录 of that organisation.
  await db.schema.alterTable('review_log').addColumn('org_kind', 'text').addColumn('org_id', 'integer').execute();
  await db.schema
    .createIndex('review_log_org_idx')
    .on('review_log')
    .columns(['org_kind', 'org_id', 'application_id'])
    .execute();

  // 返回修改 has its own deadline per batch; without one, the batch's own close applies.
  await db.schema.alterTable('committee_batch').addColumn('correction_closes_at', 'timestamptz').execute();
  await sql`alter table committee_batch add constraint committee_batch_correction_check check (correction_closes_at is null or correction_closes_at > opens_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table committee_batch drop constraint if exists committee_batch_correction_check`.execute(db);
  await db.schema.alterTable('committee_batch').dropColumn('correction_closes_at').execute();
  await db.schema.alterTable('review_log').dropColumn('org_kind').dropColumn('org_id').execute();
  await db.schema.alterTable('application').dropColumn('holder_kind').dropColumn('holder_org_id').execute();
}
