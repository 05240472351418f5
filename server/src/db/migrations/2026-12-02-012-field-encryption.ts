import { sql, type Kysely } from 'kysely';

/**
 * ID and phone numbers are stored encrypted, with a keyed digest beside each for exact search and
 * uniqueness. A migration runs without the keys, so it only makes room: the start (or `npm run
 * db:encrypt`) seals the rows still in plain text and fills their digests. The indexes move from the
 * values, which are now random-looking, to the digests.
 */
// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account').addColumn('phone_hash', 'text').execute();
  await sql`drop index account_kind_phone_key`.execute(db);
  await sql`create unique index account_kind_phone_hash_key on account (kind, phone_hash) where phone_hash is not null`.execute(
    db,
  );

  await db.schema.alterTable('unit').addColumn('contact_phone_hash', 'text').execute();

  await db.schema.alterTable('applicant').addColumn('id_number_hash', 'text').execute();
  await db.schema.alterTable('applicant').dropConstraint('applicant_id_number_key').execute();
  await sql`create unique index applicant_id_number_hash_key on applicant (id_number_hash)`.execute(db);

  await db.schema.alterTable('sms_code').addColumn('phone_hash', 'text').execute();
  await sql`drop index sms_code_phone_idx`.execute(db);
  await sql`create index sms_code_phone_hash_idx on sms_code (phone_hash, created_at)`.execute(db);

  await db.schema.alterTable('sms_outbox').addColumn('phone_hash', 'text').execute();
  await sql`drop index sms_outbox_phone_idx`.execute(db);
  await sql`create index sms_outbox_phone_hash_idx on sms_outbox (phone_hash, id)`.execute(db);
}

/** The structure only: sealed values stay sealed (decrypting needs the keys, which a migration has not). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index sms_outbox_phone_hash_idx`.execute(db);
  await db.schema.alterTable('sms_outbox').dropColumn('phone_hash').execute();
  await db.schema.createIndex('sms_outbox_phone_idx').on('sms_outbox').columns(['phone', 'id']).execute();

  await sql`drop index sms_code_phone_hash_idx`.execute(db);
  await db.schema.alterTable('sms_code').dropColumn('phone_hash').execute();
  await db.schema.createIndex('sms_code_phone_idx').on('sms_code').columns(['phone', 'created_at']).execute();

  await sql`drop index applicant_id_number_hash_key`.execute(db);
  await db.schema.alterTable('applicant').dropColumn('id_number_hash').execute();
  await db.schema.alterTable('applicant').addUniqueConstraint('applicant_id_number_key', ['id_number']).execute();

  await db.schema.alterTable('unit').dropColumn('contact_phone_hash').execute();

  await sql`drop index account_kind_phone_hash_key`.execute(db);
  await db.schema.alterTable('account').dropColumn('phone_hash').execute();
  await sql`create unique index account_kind_phone_key on account (kind, phone) where phone is not null`.execute(db);
}
