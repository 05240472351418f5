import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A lock lifts by itself at `locked_until` for the first rounds; a null `locked_until` on a locked
  // account holds until its unit or the platform unlocks it (manual §1.4).
  await db.schema
    .alterTable('account')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('lock_rounds', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Wrong passwords typed for names that have no account are counted and locked like real ones, so that
  // the answers do not tell which names exist. The key is a hash: what was typed may be a password.
  await db.schema
    .createTable('unknown_login')
    .addColumn('name_key', 'text', (c) => c.primaryKey())
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('lock_rounds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unknown_login_updated_idx').on('unknown_login').column('updated_at').execute();

  // The address that asked for each SMS code: a day's codes are capped per address too.
  await db.schema.alterTable('sms_code').addColumn('requested_ip', 'text').execute();
  await sql`create index sms_code_ip_idx on sms_code (requested_ip, created_at)`.execute(db);

  await db
    .insertInto('notice_template')
    .values([
      {
        code: 'account.locked.temporary',
        content:
          '您的账号于 {lockedAt} 因密码连续输错 {maxFailures} 次被锁定，{lockedUntil} 后可再次登录。如非本人操作，请登录后及时修改密码。',
      },
      {
        code: 'account.locked.held',
        content: '您的账号于 {lockedAt} 因密码多次连续输错被锁定，需{unlockBy}。如非本人操作，解锁后请及时修改密码。',
      },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('notice_template').where('code', 'like', 'account.locked.%').execute();
  await sql`drop index sms_code_ip_idx`.execute(db);
  await db.schema.alterTable('sms_code').dropColumn('requested_ip').execute();
  await db.schema.dropTable('unknown_login').execute();
  await db.schema.alterTable('account').dropColumn('locked_until').dropColumn('lock_rounds').execute();
}
