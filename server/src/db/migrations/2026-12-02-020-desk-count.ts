import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // It reads or rewrites every application: on a province's database that takes longer than a request's
  // statement timeout (the migration runs in its own transaction, which this setting does not outlive).
  await sql`set local statement_timeout = 0`.execute(db);
  // How many applications wait at each desk and stage, kept by the database in the transaction that
  // moves them: 申报审核 and 首页 read their totals here instead of counting a desk of a million.
  await db.schema
    .createTable('desk_count')
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_org_id', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('waiting', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('desk_count_pkey', ['holder_kind', 'holder_org_id', 'stage'])
    .execute();
  await sql`
    create function desk_count_bump(kind text, org integer, at_stage text, delta integer) returns void
    language sql as $$
      insert into desk_count (holder_kind, holder_org_id, stage, waiting) values (kind, org, at_stage, delta)
      on conflict (holder_kind, holder_org_id, stage) do update set waiting = desk_count.waiting + excluded.waiting
    $$`.execute(db);
  // The two counters a move touches are updated in key order, so that two moves in opposite
  // directions never wait on each other's counter (no deadlock).
  await sql`
    create function desk_count_follow() returns trigger language plpgsql as $$
    declare
      was boolean := tg_op <> 'INSERT' and old.status = 'inReview' and old.holder_kind is not null;
      now_at boolean := tg_op <> 'DELETE' and new.status = 'inReview' and new.holder_kind is not null;
    begin
      if was and now_at and (old.holder_kind, old.holder_org_id, old.stage) = (new.holder_kind, new.holder_org_id, new.stage) then
        return null;
      end if;
      if was and now_at and (new.holder_kind, new.holder_org_id, new.stage) < (old.holder_kind, old.holder_org_id, old.stage) then
        perform desk_count_bump(new.holder_kind, new.holder_org_id, new.stage, 1);
        perform desk_count_bump(old.holder_kind, old.holder_org_id, old.stage, -1);
        return null;
      end if;
      if was then perform desk_count_bump(old.holder_kind, old.holder_org_id, old.stage, -1); end if;
      if now_at then perform desk_count_bump(new.holder_kind, new.holder_org_id, new.stage, 1); end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger application_desk_count
    after insert or delete or update of status, holder_kind, holder_org_id, route, stage_index on application
    for each row execute function desk_count_follow()`.execute(db);
  await sql`
    insert into desk_count (holder_kind, holder_org_id, stage, waiting)
    select holder_kind, holder_org_id, stage, count(*) from application
    where status = 'inReview' and holder_kind is not null
    group by holder_kind, holder_org_id, stage`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists application_desk_count on application`.execute(db);
  await sql`drop function if exists desk_count_follow()`.execute(db);
  await sql`drop function if exists desk_count_bump(text, integer, text, integer)`.execute(db);
  await db.schema.dropTable('desk_count').ifExists().execute();
}
