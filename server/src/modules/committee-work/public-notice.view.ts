import type { PublicNotice } from '#common';
import { beijingDay, type Clock } from '../../clock';
import type { Executor } from '../../db/database';

/** 评审结果公示 with the name of their committee, newest first. */
export const notices = (db: Executor) =>
  db
    .selectFrom('public_notice')
    .innerJoin('committee', 'committee.id', 'public_notice.committee_id')
    .selectAll('public_notice')
    .select('committee.name as committee_name')
    .orderBy('public_notice.id', 'desc');

export const noticeQuery = (db: Executor, id: number) =>
  notices(db).where('public_notice.id', '=', id).executeTakeFirst();
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof noticeQuery>>>;

export function rowOf(n: NoticeRow) {
  return {
    id: String(n.id),
    committeeName: n.committee_name,
    title: n.title,
    startsOn: n.starts_on,
    endsOn: n.ends_on,
    workingDays: n.working_days,
    status: n.status,
  };
}

/** Objections are received from the first day to the last of the period, while the notice is open. */
export const accepting = (n: NoticeRow, today: string) =>
  n.status === 'open' && today >= n.starts_on && today <= n.ends_on;

/** The 公示 as the public reads it: name, unit and title of each entry, nothing else personal. */
export async function publicNoticeView(db2: Executor, clock: Clock, n: NoticeRow): Promise<PublicNotice> {
  const entries = await db2
    .selectFrom('notice_entry')
    .select(['id', 'applicant_name', 'unit_name', 'title_name', 'withdrawn_at'])
    .where('notice_id', '=', n.id)
    .orderBy('id')
    .execute();
  return {
    ...rowOf(n),
    entries: entries.map((e) => ({
      id: String(e.id),
      applicantName: e.applicant_name,
      unitName: e.unit_name,
      titleName: e.title_name,
      withdrawn: e.withdrawn_at !== null,
    })),
    acceptingObjections: accepting(n, beijingDay(clock.now())),
  };
}

/** Why 结束公示 cannot be done yet: the period runs, or objections wait for an answer. */
export async function noticeCloseRefusal(trx: Executor, now: Date, n: NoticeRow): Promise<string | null> {
  if (n.status === 'closed') return '公示已结束';
  if (beijingDay(now) <= n.ends_on) return `公示期至${n.ends_on}，期满后才能结束公示`;
  const open = await trx
    .selectFrom('objection')
    .innerJoin('notice_entry', 'notice_entry.id', 'objection.entry_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notice_entry.notice_id', '=', n.id)
    .where('objection.answered_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(open.n) > 0 ? `还有${open.n}条异议未答复，答复后才能结束公示` : null;
}
