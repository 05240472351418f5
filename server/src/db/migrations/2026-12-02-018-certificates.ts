import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // 证书编号规则 of each committee (common/src/committee/certificate-number.ts).
  await db.schema
    .alterTable('committee')
    .addColumn('certificate_pattern', 'text', (c) => c.notNull().defaultTo('云档证{year}{level}{seq:5}'))
    .execute();

  // 专业技术资格电子证书: one per application whose title the HR department confirmed. What it certifies
  // is copied from the application as it was confirmed, so a later change of a name does not alter it.
  // Revoking keeps the row (the public check answers 已撤销); who revoked it when and why is also in audit_log.
  await db.schema
    .createTable('certificate')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'integer', (c) => c.notNull().unique().references('application.id'))
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committee.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('series_name', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('title_level', 'text', (c) => c.notNull())
    .addColumn('qualified_on', 'date', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by_account_id', 'integer', (c) => c.references('account.id'))
    .addCheckConstraint('certificate_revoked_with_reason', sql`(revoked_at is null) = (revoked_reason is null)`)
    .execute();

  // The last sequence number given to each number stem (the number with all but {seq…} filled in): the
  // upsert that takes the next one holds the row until the issuing transaction ends, so two issuers of
  // one stem wait for each other instead of taking the same number.
  await db.schema
    .createTable('certificate_counter')
    .addColumn('stem', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();

  await db
    .insertInto('notice_template')
    .values({
      code: 'certificate.revoked',
      content:
        '您的专业技术资格电子证书（编号 {number}）已被{committeeName}撤销，原因：{reason}。如有疑问，请与评委会办公室联系。',
    })
    .execute();
}
