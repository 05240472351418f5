import { sql } from 'kysely';
import { attachmentCategories, attachmentCategoryInfo, sampleForm } from '#common';
import type { Db } from '../../db/database';
import { insertUnnest } from './bulk-insert';
import type { ScaleWorld } from './scale-world';

/** Who decided for each desk of the routes: the reviewer's account, a unit's own. */
export async function loadDesks(db: Db, world: ScaleWorld) {
  await sql`create unlogged table scale_seed_desk (holder text, org_id int, account_id int, name text, primary key (holder, org_id))`.execute(
    db,
  );
  const rows = [
    ...world.desks.map((d) => [d.holder, d.orgId, d.accountId, d.orgName]),
    ...world.units.map((u) => ['unit', u.id, u.accountId, u.name]),
  ];
  for (let from = 0; from < rows.length; from += 5000) {
    await insertUnnest(
      db,
      'scale_seed_desk',
      [
        ['holder', 'text'],
        ['org_id', 'int'],
        ['account_id', 'int'],
        ['name', 'text'],
      ],
      rows.slice(from, from + 5000),
    );
  }
}

/**
 * The files every generated application carries: each category the 提交前检查 asks of its form (the
 * sixteen forms differ only in 表三's length, so one sample tells).
 */
const attachments = attachmentCategories
  .filter((category) => attachmentCategoryInfo[category].required(sampleForm(2026, '')))
  .map((category) => ({ category, name: `${attachmentCategoryInfo[category].label}.pdf` }));

/** The workflow's state after a step, as the runner logs it (`state_after`). */
const stateAfter = (status: string, stageIndex: string, returned: string, returnCount: string) =>
  sql.raw(
    `jsonb_build_object('status', ${status}, 'stageIndex', ${stageIndex}, 'route', a.route, 'returnedFromIndex', ${returned}, 'returnCount', ${returnCount})`,
  );

/**
 * What happened to the applications with ids in [from, to]: the 审核记录 (the submission, then each
 * desk's 通过 up to where the application is, and the 返回修改 or 不通过 that stopped it), ten minutes a
 * step after the submission; the applicant's messages; and the attachments each needs (metadata only: the
 * lists and checks never read the files).
 */
export async function insertHistory(db: Db, from: number, to: number): Promise<void> {
  await sql`
    insert into review_log (application_id, seq, stage, action, actor_account_id, actor_name, org_kind, org_id,
      org_name, opinion, state_after, at)
    select a.id, 1, null, 'submit', a.applicant_account_id, p.name, 'applicant', a.applicant_account_id, u.name, '',
      ${stateAfter("'inReview'", '0', 'null', '0')}, a.submitted_at
    from application a
    join applicant p on p.account_id = a.applicant_account_id
    join unit u on u.id = a.unit_id
    where a.status <> 'draft' and a.id between ${from} and ${to}`.execute(db);
  await sql`
    insert into review_log (application_id, seq, stage, action, actor_account_id, actor_name, org_kind, org_id,
      org_name, opinion, state_after, at)
    select a.id, g + 2, a.route -> g ->> 'stage', x.action, d.account_id, d.name, d.holder, d.org_id, d.name,
      case x.action when 'approve' then '同意' when 'return' then '请补充近三年年度考核材料' else '不符合申报条件' end,
      ${stateAfter(
        "case x.action when 'approve' then (case when g = jsonb_array_length(a.route) - 1 then 'passed' else 'inReview' end) when 'return' then 'returned' else 'rejected' end",
        "least(g + (x.action = 'approve')::int, jsonb_array_length(a.route) - 1)",
        "case when x.action = 'return' then g end",
        "(x.action = 'return')::int",
      )},
      a.submitted_at + (g + 1) * interval '10 minutes'
    from application a
    cross join lateral generate_series(0, case a.status when 'inReview' then a.stage_index - 1
      when 'passed' then jsonb_array_length(a.route) - 1 else a.stage_index end) g
    cross join lateral (select case when g = a.stage_index and a.status = 'returned' then 'return'
      when g = a.stage_index and a.status = 'rejected' then 'reject' else 'approve' end as action) x
    join scale_seed_desk d on d.holder = a.route -> g ->> 'holder' and d.org_id = (a.route -> g ->> 'orgId')::int
    where a.status <> 'draft' and a.id between ${from} and ${to}`.execute(db);
  await sql`
    insert into message (recipient_account_id, sender_account_id, sender_kind, sender_org_name, content, created_at, read_at)
    select a.applicant_account_id, null, 'system', null, m.content, a.submitted_at + m.after, case when m.n = 1 then a.submitted_at + interval '1 day' end
    from application a
    cross join lateral (values
      (1, '您的职称申报已提交，请留意审核进度。', interval '0 minutes'),
      (2, '您的职称申报已通过' || (a.route -> greatest(coalesce(a.stage_index, 1) - 1, 0) ->> 'orgName') || '的审核。', interval '1 hour')
    ) as m(n, content, after)
    where a.status <> 'draft' and a.id between ${from} and ${to}`.execute(db);
  await sql`
    with f as (
      insert into stored_file (storage_key, original_name, content_type, size_bytes, sha256, owner_account_id, purpose, created_at)
      select 'scale/' || a.id || '/' || c.category, c.name, 'application/pdf', 180000 + a.id % 50000,
        md5(a.id::text || c.category) || md5(c.category || a.id::text), a.applicant_account_id, 'attachment', a.created_at
      from application a
      cross join unnest(${attachments.map((c) => c.category)}::text[], ${attachments.map((c) => c.name)}::text[])
        as c(category, name)
      where a.id between ${from} and ${to}
      returning id, storage_key, created_at)
    insert into attachment (application_id, category, stored_file_id, created_at)
    select split_part(f.storage_key, '/', 2)::int, split_part(f.storage_key, '/', 3), f.id, f.created_at from f`.execute(
    db,
  );
}
