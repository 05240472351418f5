import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // 两步验证 of admin and reviewer accounts. A row without `enabled_at` is an enrolment not yet confirmed
  // with a code; it does not ask for a code at login.
  await db.schema
    .createTable('two_factor')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('account.id'))
    // The base32 TOTP secret, sealed with the field keys by the one repository function that reads
    // and writes it (two-factor.repository.ts).
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'timestamptz')
    // The 30-second step of the last code accepted: neither it nor an earlier one is accepted again.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Ten one-time codes for a lost phone: only a salted SHA-256 of each is kept.
  await db.schema
    .createTable('recovery_code')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_code_account_idx').on('recovery_code').column('account_id').execute();

  // A right password of an account with 两步验证: the second step has 5 minutes and one success.
  await db.schema
    .createTable('login_challenge')
    // SHA-256 of the id the browser holds, as for sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await sql`create index login_challenge_expires_idx on login_challenge (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_challenge').execute();
  await db.schema.dropTable('recovery_code').execute();
  await db.schema.dropTable('two_factor').execute();
}
