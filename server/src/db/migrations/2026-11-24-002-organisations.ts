import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  const id = (c: any) => c.primaryKey().generatedAlwaysAsIdentity();

  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province', 'city', 'county')`))
    .addColumn('parent_code', 'text', (c) => c.references('region.code'))
    .execute();
  await db.schema.createIndex('region_parent_idx').on('region').column('parent_code').execute();

  await db.schema
    .createTable('series')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('title')
    .addColumn('id', 'integer', id)
    .addColumn('series_code', 'text', (c) => c.notNull().references('series.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('junior', 'intermediate', 'associateSenior', 'senior')`),
    )
    .addColumn('grade_label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addUniqueConstraint('title_series_name_key', ['series_code', 'name'])
    .execute();

  await db.schema
    .createTable('specialty')
    .addColumn('id', 'integer', id)
    .addColumn('parent_id', 'integer', (c) => c.references('specialty.id'))
    .addColumn('depth', 'integer', (c) => c.notNull().check(sql`depth between 1 and 3`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('account.id'))
    .execute();
  await sql`create unique index specialty_parent_name_key on specialty (coalesce(parent_id, 0), name)`.execute(db);
  await db.schema.createIndex('specialty_path_idx').on('specialty').column('path_name').execute();

  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'integer', id)
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('owner_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('unit')
    .addColumn('nature', 'text', (c) =>
      c.check(sql`nature in ('government', 'institution', 'stateOwned', 'nonPublic', 'socialOrg')`),
    )
    .addColumn('level', 'text', (c) => c.check(sql`level in ('province', 'city', 'county')`))
    .addColumn('region_code', 'text', (c) => c.references('region.code'))
    .addColumn('fax', 'text')
    .addColumn('address', 'text')
    .addColumn('remark', 'text')
    .addColumn('license_file_id', 'integer', (c) => c.references('stored_file.id'))
    .addColumn('info_updated_at', 'timestamptz')
    .execute();
  // The rule of manual §2.2 held by the database too: a 非公经济组织 is always 县区级.
  await sql`alter table unit add constraint unit_non_public_is_county check (nature is distinct from 'nonPublic' or level = 'county')`.execute(
    db,
  );

  await db.schema
    .createTable('supervisor')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'text', (c) => c.references('region.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('hr_bureau')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    // One bureau per region; its level (county, city, province) is the region's.
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('hr_bureau_region_key', ['region_code'])
    .execute();

  await db.schema
    .createTable('committee')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('series_code', 'text', (c) => c.notNull().references('series.code'))
    .addColumn('title_levels', 'jsonb', (c) => c.notNull())
    .addColumn('print_from_stage', 'text', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('committee_batch')
    .addColumn('id', 'integer', id)
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committee.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('notice', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('committee_batch_year_key', ['committee_id', 'year'])
    .addCheckConstraint('committee_batch_period_check', sql`closes_at > opens_at`)
    .execute();
  await db.schema
    .createIndex('committee_batch_open_idx')
    .on('committee_batch')
    .columns(['opens_at', 'closes_at'])
    .execute();

  await db.schema
    .createTable('reviewer')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('account.id'))
    .addColumn('org_kind', 'text', (c) => c.notNull().check(sql`org_kind in ('supervisor', 'hrBureau', 'committee')`))
    .addColumn('supervisor_id', 'integer', (c) => c.references('supervisor.id'))
    .addColumn('hr_bureau_id', 'integer', (c) => c.references('hr_bureau.id'))
    .addColumn('committee_id', 'integer', (c) => c.references('committee.id'))
    .addCheckConstraint(
      'reviewer_one_org_check',
      sql`(org_kind = 'supervisor' and supervisor_id is not null and hr_bureau_id is null and committee_id is null)
        or (org_kind = 'hrBureau' and hr_bureau_id is not null and supervisor_id is null and committee_id is null)
        or (org_kind = 'committee' and committee_id is not null and supervisor_id is null and hr_bureau_id is null)`,
    )
    .execute();

  await db.schema
    .createTable('unit_supervisor')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('supervisor.id'))
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'integer', (c) => c.references('account.id'))
    .addColumn('opinion', 'text')
    .addUniqueConstraint('unit_supervisor_key', ['unit_id', 'supervisor_id'])
    .execute();
  await sql`create unique index unit_supervisor_one_default on unit_supervisor (unit_id) where is_default`.execute(db);
  await db.schema
    .createIndex('unit_supervisor_desk_idx')
    .on('unit_supervisor')
    .columns(['supervisor_id', 'status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('message')
    .addColumn('id', 'integer', id)
    .addColumn('recipient_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('sender_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('sender_kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('message_inbox_idx')
    .on('message')
    .columns(['recipient_account_id', 'created_at'])
    .execute();
  await db.schema.createIndex('message_sent_idx').on('message').columns(['sender_account_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'message',
    'unit_supervisor',
    'reviewer',
    'committee_batch',
    'committee',
    'hr_bureau',
    'supervisor',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`alter table unit drop constraint if exists unit_non_public_is_county`.execute(db);
  for (const column of [
    'nature',
    'level',
    'region_code',
    'fax',
    'address',
    'remark',
    'license_file_id',
    'info_updated_at',
  ]) {
    await db.schema.alterTable('unit').dropColumn(column).execute();
  }
  for (const table of ['stored_file', 'specialty', 'title', 'series', 'region']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
