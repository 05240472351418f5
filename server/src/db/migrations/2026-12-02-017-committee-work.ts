import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  const id = (c: any) => c.primaryKey().generatedAlwaysAsIdentity();

  // 评审专家 sign in like everyone else.
  await sql`alter table account drop constraint account_kind_check`.execute(db);
  await sql`alter table account add constraint account_kind_check check (kind in ('applicant', 'unit', 'reviewer', 'admin', 'expert'))`.execute(
    db,
  );
  // 重新表决: an upheld objection to the 公示 sends an application back to the meeting.
  await sql`alter table review_log drop constraint review_log_action_check`.execute(db);
  await sql`alter table review_log add constraint review_log_action_check check (action in ('submit', 'approve', 'reject', 'return', 'reset', 'revote'))`.execute(
    db,
  );

  // The committee's voting rule and 公示 period ([推断] 2/3 and 2/3; 5 working days at least).
  await db.schema
    .alterTable('committee')
    .addColumn('quorum_num', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('quorum_den', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('pass_num', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('pass_den', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('notice_working_days', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('confirming_bureau_id', 'integer', (c) => c.references('hr_bureau.id'))
    // 评委会办公室审核 and 专业组初审 may be left out of a committee's route.
    .addColumn('office_review', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('group_review', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await sql`alter table committee add constraint committee_vote_rule_check check (
    quorum_num between 1 and quorum_den and pass_num between 1 and pass_den and notice_working_days >= 5)`.execute(db);

  await db.schema
    .createTable('expert')
    .addColumn('account_id', 'integer', (c) => c.primaryKey().references('account.id'))
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committee.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.references('supervisor.id'))
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('specialties', 'jsonb', (c) => c.notNull())
    .addColumn('term_starts_on', 'date', (c) => c.notNull())
    .addColumn('term_ends_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'suspended')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('expert_term_check', sql`term_ends_on > term_starts_on`)
    .execute();
  await db.schema.createIndex('expert_committee_idx').on('expert').columns(['committee_id', 'status']).execute();
  await db.schema
    .createTable('expert_conflict')
    .addColumn('expert_account_id', 'integer', (c) => c.notNull().references('expert.account_id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('expert_conflict_pkey', ['expert_account_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'integer', id)
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committee.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('title_level', 'text', (c) => c.notNull())
    .addColumn('specialties', 'jsonb', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'drawn', 'voting', 'closed')`))
    // The draw, replayable: the seed, the experts that could be drawn (sorted) and those recused.
    .addColumn('draw_seed', 'text')
    .addColumn('draw_eligible', 'jsonb')
    .addColumn('draw_recused', 'jsonb')
    .addColumn('drawn_at', 'timestamptz')
    // The rule the vote is counted by, fixed when the vote opens.
    .addColumn('rule', 'jsonb')
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_committee_idx')
    .on('meeting')
    .columns(['committee_id', 'meeting_date'])
    .execute();
  await db.schema
    .createTable('meeting_member')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id'))
    .addColumn('expert_account_id', 'integer', (c) => c.notNull().references('expert.account_id'))
    .addColumn('draw_order', 'integer', (c) => c.notNull())
    .addColumn('present', 'boolean')
    .addPrimaryKeyConstraint('meeting_member_pkey', ['meeting_id', 'expert_account_id'])
    .execute();
  await db.schema
    .createIndex('meeting_member_expert_idx')
    .on('meeting_member')
    .columns(['expert_account_id'])
    .execute();
  await db.schema
    .createTable('meeting_agenda')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    // Filled when the vote closes: 应到, 实到, 同意, 不同意, 弃权 and the outcome.
    .addColumn('expected', 'integer')
    .addColumn('present', 'integer')
    .addColumn('agree', 'integer')
    .addColumn('disagree', 'integer')
    .addColumn('abstain', 'integer')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('passed', 'failed')`))
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('meeting_agenda_key', ['meeting_id', 'application_id'])
    .execute();
  // One undecided agenda item per application: it is on one meeting's agenda at a time.
  await sql`create unique index meeting_agenda_open_key on meeting_agenda (application_id) where outcome is null`.execute(
    db,
  );
  // The secret ballot, in two tables that share nothing but the agenda item: who has voted (no choice),
  // and the ballots (no voter, a random id, no time). Nothing joins a voter to a choice.
  await db.schema
    .createTable('ballot_cast')
    .addColumn('agenda_id', 'integer', (c) => c.notNull().references('meeting_agenda.id'))
    .addColumn('expert_account_id', 'integer', (c) => c.notNull().references('expert.account_id'))
    .addPrimaryKeyConstraint('ballot_cast_pkey', ['agenda_id', 'expert_account_id'])
    .execute();
  await db.schema
    .createTable('ballot')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agenda_id', 'integer', (c) => c.notNull().references('meeting_agenda.id'))
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ('agree', 'disagree', 'abstain')`))
    .execute();
  await db.schema.createIndex('ballot_agenda_idx').on('ballot').columns(['agenda_id']).execute();

  await db.schema
    .createTable('public_notice')
    .addColumn('id', 'integer', id)
    .addColumn('committee_id', 'integer', (c) => c.notNull().references('committee.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('public_notice_status_idx').on('public_notice').columns(['status', 'ends_on']).execute();
  await db.schema
    .createTable('notice_entry')
    .addColumn('id', 'integer', id)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('public_notice.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('application.id'))
    // What the public reads, as it was published.
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addUniqueConstraint('notice_entry_key', ['notice_id', 'application_id'])
    .execute();
  await db.schema
    .createTable('objection')
    .addColumn('id', 'integer', id)
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('notice_entry.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('upheld', 'boolean')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by_account_id', 'integer', (c) => c.references('account.id'))
    .execute();
  await db.schema.createIndex('objection_entry_idx').on('objection').columns(['entry_id']).execute();

  // 人社部门确认: 文号 and 取得资格时间, for 表十七 and the certificate.
  await db.schema
    .createTable('result_confirmation')
    .addColumn('application_id', 'integer', (c) => c.primaryKey().references('application.id'))
    .addColumn('hr_bureau_id', 'integer', (c) => c.notNull().references('hr_bureau.id'))
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('qualified_on', 'date', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_by_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .execute();

  const templates: [string, string][] = [
    ['application.decided.meeting.approve', '您的申报经{orgName}评审会议表决通过，进入评审结果公示。'],
    ['application.decided.meeting.reject', '您的申报经{orgName}评审会议表决，未通过评审。{opinionSuffix}'],
    ['application.decided.publicNotice.approve', '您的评审结果公示期满，已报{nextOrgName}确认。'],
    [
      'application.decided.publicNotice.revote',
      '您的评审结果公示期间收到异议，经{orgName}核实异议成立，将提交评审会议重新表决。{opinionSuffix}',
    ],
    [
      'application.decided.confirmation.approve',
      '您的评审结果已经{orgName}确认，已通过评审。电子证书已发放，可在【我的申报】中查看和下载。{opinionSuffix}',
    ],
    ['application.decided.confirmation.reject', '您的评审结果未经{orgName}确认，未通过评审。{opinionSuffix}'],
    ['application.arrived.meeting', '{applicantName} 的申报已进入评审会议环节，请在【评审会议】中列入会议议程。'],
    ['application.arrived.publicNotice', '{applicantName} 的申报经评审会议表决通过，请在【评审结果公示】中发布公示。'],
    ['application.arrived.confirmation', '{applicantName} 的评审结果公示期满，请在【评审结果确认】中确认。'],
  ];
  await db
    .insertInto('notice_template')
    .values(templates.map(([code, content]) => ({ code, content })))
    .execute();
}
