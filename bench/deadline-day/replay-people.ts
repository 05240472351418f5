import { sql } from 'kysely';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import type { Db } from '../../server/src/db/database';
import { createSessionService } from '../../server/src/modules/auth/session.service';

/** An applicant of the replay: their account and the draft they finish on the day. */
export interface ReplayApplicant {
  accountId: number;
  applicationId: number;
  unitId: number;
}

/** A desk worked during the replay: who signs in there, and whether it is a unit (which writes 基层意见). */
export interface ReplayReviewer {
  accountId: number;
  unit: boolean;
  label: string;
}

/** The first `count` drafts of an open batch (the generated crowd: `npm run seed:scale -- --drafts N`). */
export async function draftsOfTheDay(db: Db, count: number): Promise<ReplayApplicant[]> {
  const rows = await db
    .selectFrom('application as a')
    .innerJoin('committee_batch as b', 'b.id', 'a.batch_id')
    .select(['a.id', 'a.applicant_account_id', 'a.unit_id'])
    .where('a.status', '=', 'draft')
    .where('b.closes_at', '>', sql<Date>`now()`)
    .orderBy('a.id')
    .limit(count)
    .execute();
  if (rows.length < count) {
    throw new Error(
      `数据库中只有 ${rows.length} 份可提交的草稿，少于 ${count}：请先 npm run seed:scale -- --applications N --drafts ${count}`,
    );
  }
  return rows.map((r) => ({ accountId: r.applicant_account_id, applicationId: r.id, unitId: r.unit_id! }));
}

/**
 * The desks that work while the crowd submits: half of them the biggest reviewer desks (the committee's
 * first, then bureaus and supervising departments), half the units of the crowd, where each submission
 * arrives first (the units with the most of the crowd's people).
 */
export async function desksOfTheDay(db: Db, applicants: ReplayApplicant[], count: number): Promise<ReplayReviewer[]> {
  const units = count - Math.ceil(count / 2);
  // A reviewer account belongs to one organisation: the one of its three columns that is set.
  const { rows: busiest } = await sql<{ account_id: number; holder_kind: string; waiting: number }>`
    select r.account_id, d.holder_kind, d.waiting
    from (select holder_kind, holder_org_id, count(*)::int as waiting from application
          where status = 'inReview' and holder_kind <> 'unit' group by holder_kind, holder_org_id) d
    join reviewer r on r.org_kind = d.holder_kind
      and coalesce(r.hr_bureau_id, r.supervisor_id, r.committee_id) = d.holder_org_id
    order by d.waiting desc, r.account_id
    limit ${count - units}`.execute(db);
  const crowdOf = new Map<number, number>();
  for (const a of applicants) crowdOf.set(a.unitId, (crowdOf.get(a.unitId) ?? 0) + 1);
  const unitIds = [...crowdOf]
    .sort((a, b) => b[1] - a[1])
    .slice(0, units)
    .map(([id]) => id);
  const unitRows = unitIds.length
    ? await db.selectFrom('unit').select(['id', 'account_id']).where('id', 'in', unitIds).execute()
    : [];
  return [
    ...busiest.map((r) => ({ accountId: r.account_id, unit: false, label: `${r.holder_kind}（待审 ${r.waiting}）` })),
    ...unitRows.map((u) => ({ accountId: u.account_id, unit: true, label: `unit（${crowdOf.get(u.id)} 人申报）` })),
  ];
}

/**
 * A signed-in browser's session for an account, made by the server's own session service (the cookie
 * carries the token, the database its digest): the crowd signed in earlier in the day, so the replay
 * does not spend 19 ms of argon2id a person before the last hour begins.
 */
export function sessionMaker(db: Db) {
  const sessions = createSessionService(db, systemClock, loadConfig({}).session);
  return (accountId: number) => sessions.create(db, accountId, { ip: '127.0.0.1', userAgent: 'deadline-day replay' });
}
