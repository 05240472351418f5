import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // 申报审核 and 导出评审名单 read a desk newest submission first, by key: with its order in an index, a page
  // or an export's batch of 500 reads its own rows instead of joining and sorting the whole desk.
  await sql`create index application_desk_order_idx on application (holder_kind, holder_org_id, status, submitted_at desc, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('application_desk_order_idx').ifExists().execute();
}
