import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // It reads or rewrites every application: on a province's database that takes longer than a request's
  // statement timeout (the migration runs in its own transaction, which this setting does not outlive).
  await sql`set local statement_timeout = 0`.execute(db);
  // 审核记录 of a desk: each application it has decided on, once, with the application's latest
  // submission (the list's order). Kept by the database from the 审核记录 rows and the submissions, so
  // that a committee's list of hundreds of thousands reads a page, and counts, from one index.
  await db.schema
    .createTable('desk_record')
    .addColumn('org_kind', 'text', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_record_pkey', ['org_kind', 'org_id', 'application_id'])
    .execute();
  await sql`create index desk_record_order_idx on desk_record (org_kind, org_id, submitted_at desc, application_id desc)`.execute(
    db,
  );
  await sql`create index desk_record_application_idx on desk_record (application_id)`.execute(db);
  await sql`
    create function desk_record_follow_log() returns trigger language plpgsql as $$
    begin
      if new.action <> 'submit' and new.org_kind is not null and new.org_kind <> 'applicant' then
        insert into desk_record (org_kind, org_id, application_id, submitted_at)
        select new.org_kind, new.org_id, a.id, a.submitted_at from application a
        where a.id = new.application_id and a.submitted_at is not null
        on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger review_log_desk_record after insert on review_log for each row execute function desk_record_follow_log()`.execute(
    db,
  );
  await sql`
    create function desk_record_follow_submission() returns trigger language plpgsql as $$
    begin
      update desk_record set submitted_at = new.submitted_at where application_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger application_desk_record after update of submitted_at on application
    for each row when (new.submitted_at is distinct from old.submitted_at and new.submitted_at is not null)
    execute function desk_record_follow_submission()`.execute(db);
  await sql`
    insert into desk_record (org_kind, org_id, application_id, submitted_at)
    select distinct l.org_kind, l.org_id, a.id, a.submitted_at
    from review_log l join application a on a.id = l.application_id
    where l.action <> 'submit' and l.org_kind is not null and l.org_kind <> 'applicant' and a.submitted_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists application_desk_record on application`.execute(db);
  await sql`drop trigger if exists review_log_desk_record on review_log`.execute(db);
  await sql`drop function if exists desk_record_follow_submission()`.execute(db);
  await sql`drop function if exists desk_record_follow_log()`.execute(db);
  await db.schema.dropTable('desk_record').ifExists().execute();
}
