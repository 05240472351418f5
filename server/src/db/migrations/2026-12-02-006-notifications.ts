import { sql, type Kysely } from 'kysely';

// Frozen once landed: a change to the schema is a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // What happened, written in the transaction of the change itself; the notifier turns each event into
  // 我的消息 and SMS after commit. An event is processed once: `processed_at` is set in the
  // transaction that wrote its messages.
  await db.schema
    .createTable('outbox_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('processed_at', 'timestamptz')
    .execute();
  await sql`create index outbox_event_pending_idx on outbox_event (id) where processed_at is null`.execute(db);

  // The wording of every notice, one row per event kind and variant; `{name}` marks a value.
  await db.schema
    .createTable('notice_template')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto('notice_template')
    .values(templates.map(([code, content]) => ({ code, content })))
    .execute();

  // SMS sent after commit, retried with backoff; a row is claimed by one notifier at a time.
  await db.schema
    .createTable('notice_delivery')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('event_id', 'bigint', (c) => c.notNull().references('outbox_event.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms')`))
    .addColumn('recipient_account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('notice_delivery_once', ['event_id', 'channel', 'recipient_account_id'])
    .execute();
  await sql`create index notice_delivery_due_idx on notice_delivery (next_attempt_at, id) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_delivery').execute();
  await db.schema.dropTable('notice_template').execute();
  await db.schema.dropTable('outbox_event').execute();
}

// The wording the modules wrote themselves until now, word for word.
const templates: [string, string][] = [
  ['applicant.registered', '{name}，欢迎注册职称申报管理系统。请先在【个人信息】中选择您的工作单位，再填写申报材料。'],
  ['applicant.unitChosen', '{personName} 已选择贵单位为工作单位，已列入【专业技术人员】。'],
  ['person.passwordReset', '{unitName} 已为您重置登录密码，请使用单位告知的临时密码登录并立即修改。'],
  ['person.removed', '您已被 {unitName} 移出专业技术人员名单。如有疑问请联系单位。'],
  ['supervisor.requested', '{unitName} 申请将贵部门设为主管部门，请在【主管单位审核】中审核。'],
  ['supervisor.requestDecided.approve', '主管部门【{supervisorName}】已审核通过贵单位的主管单位申请。{opinionSuffix}'],
  [
    'supervisor.requestDecided.reject',
    '主管部门【{supervisorName}】审核不通过贵单位的主管单位申请。审核意见：{opinion}',
  ],
  ['application.submitted.applicant', '您的申报已提交，当前在{stageLabel}（{orgName}）。'],
  ['application.arrived.unit', '{applicantName} 提交了申报材料，请在【申报审核】中审核。'],
  ['application.arrived.reviewer', '{applicantName} 的申报已到达{stageLabel}（{orgName}），请在【申报审核】中审核。'],
  ['application.decided.approve', '您的申报已通过{orgName}审核，进入{stageLabel}（{nextOrgName}）。{opinionSuffix}'],
  ['application.decided.approve.final', '您的申报已通过{orgName}审核。{opinionSuffix}'],
  ['application.decided.reject', '您的申报未通过{orgName}审核，本年度该系列该等级不能再次申报。{opinionSuffix}'],
  [
    'application.decided.return',
    '您的申报被{orgName}返回修改，请修改申报信息后重新提交，提交后将直接回到{orgName}审核。{opinionSuffix}',
  ],
  [
    'application.decided.reset',
    '您的申报被{orgName}重置流程，可重新选择单位、评委会、专业、等级并修改封面后再提交。{opinionSuffix}',
  ],
];
