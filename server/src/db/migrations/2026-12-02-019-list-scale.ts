import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // It reads or rewrites every application: on a province's database that takes longer than a request's
  // statement timeout (the migration runs in its own transaction, which this setting does not outlive).
  await sql`set local statement_timeout = 0`.execute(db);
  // The stage an application waits at, kept by the database from its route: the desks filter on it, and
  // in an index it lets a page and its capped count be read from the index alone.
  await sql`alter table application add column stage text generated always as (route -> stage_index ->> 'stage') stored`.execute(
    db,
  );
  await db.schema.dropIndex('application_desk_order_idx').execute();
  await sql`create index application_desk_order_idx on application
    (holder_kind, holder_org_id, status, submitted_at desc, id desc)
    include (stage, year, series_code, title_level, committee_id, kind, applicant_account_id)`.execute(db);
  // 审核记录 walks the submissions newest first and keeps those the desk decided on.
  await sql`create index application_submitted_idx on application (submitted_at desc, id desc) where submitted_at is not null`.execute(
    db,
  );
  // 关键字: a whole name, or a whole ID number by its digest.
  await db.schema.createIndex('applicant_id_number_hash_idx').on('applicant').column('id_number_hash').execute();
  await db.schema.createIndex('applicant_name_idx').on('applicant').column('name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applicant_name_idx').ifExists().execute();
  await db.schema.dropIndex('applicant_id_number_hash_idx').ifExists().execute();
  await db.schema.dropIndex('application_submitted_idx').ifExists().execute();
  await db.schema.dropIndex('application_desk_order_idx').ifExists().execute();
  await sql`create index application_desk_order_idx on application (holder_kind, holder_org_id, status, submitted_at desc, id desc)`.execute(
    db,
  );
  await sql`alter table application drop column stage`.execute(db);
}
