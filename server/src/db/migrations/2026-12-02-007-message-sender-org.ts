import type { Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A reviewer decides for an organisation: the recipient should read the organisation (五华区工商业联合会,
  // 昆明市人社局), not the reviewer's personal name. Kept as it was when sent, like the notice's wording.
  await db.schema.alterTable('message').addColumn('sender_org_name', 'text').execute();
}
