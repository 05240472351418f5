import type { Executor } from '../../db/database';

export function findMeeting(db: Executor, committeeId: number, id: number) {
  return db
    .selectFrom('meeting')
    .selectAll()
    .where('id', '=', id)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

/** The meeting, locked against a parallel draw, attendance, ballot or close. */
export function lockMeeting(trx: Executor, id: number) {
  return trx.selectFrom('meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function meetingsOf(db: Executor, committeeId: number) {
  return db
    .selectFrom('meeting')
    .selectAll('meeting')
    .select((eb) => [
      eb
        .selectFrom('meeting_member')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('meeting_member.meeting_id', '=', 'meeting.id')
        .as('member_count'),
      eb
        .selectFrom('meeting_member')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('meeting_member.meeting_id', '=', 'meeting.id')
        .where('meeting_member.present', '=', true)
        .as('present_count'),
      eb
        .selectFrom('meeting_agenda')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('meeting_agenda.meeting_id', '=', 'meeting.id')
        .as('agenda_count'),
    ])
    .where('meeting.committee_id', '=', committeeId)
    .orderBy('meeting.meeting_date', 'desc')
    .orderBy('meeting.id', 'desc')
    .execute();
}

export function membersOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_member')
    .innerJoin('expert', 'expert.account_id', 'meeting_member.expert_account_id')
    .select([
      'meeting_member.expert_account_id',
      'meeting_member.present',
      'expert.name',
      'expert.unit_name',
      'expert.title_name',
      'expert.specialties',
    ])
    .where('meeting_member.meeting_id', '=', meetingId)
    .orderBy('meeting_member.draw_order')
    .execute();
}

export function agendaOf(db: Executor, meetingId: number) {
  return db
    .selectFrom('meeting_agenda')
    .selectAll('meeting_agenda')
    .select((eb) =>
      eb
        .selectFrom('ballot_cast')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ballot_cast.agenda_id', '=', 'meeting_agenda.id')
        .as('ballots_cast'),
    )
    .where('meeting_agenda.meeting_id', '=', meetingId)
    .orderBy('meeting_agenda.id')
    .execute();
}
export type AgendaRecord = Awaited<ReturnType<typeof agendaOf>>[number];

/** The counts of one agenda item's ballots, by choice: nothing else is ever read from them. */
export async function countBallots(trx: Executor, agendaId: number) {
  const rows = await trx
    .selectFrom('ballot')
    .select(['choice', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agenda_id', '=', agendaId)
    .groupBy('choice')
    .execute();
  const of = (choice: string) => Number(rows.find((r) => r.choice === choice)?.n ?? 0);
  return { agree: of('agree'), disagree: of('disagree'), abstain: of('abstain') };
}

/** The latest decided vote on an application: what 表十三–十六 print. */
export function latestVoteOf(db: Executor, applicationId: number) {
  return db
    .selectFrom('meeting_agenda')
    .innerJoin('meeting', 'meeting.id', 'meeting_agenda.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'meeting.meeting_date',
      'committee.name as committee_name',
      'meeting_agenda.expected',
      'meeting_agenda.present',
      'meeting_agenda.agree',
      'meeting_agenda.disagree',
      'meeting_agenda.abstain',
      'meeting_agenda.outcome',
      'meeting_agenda.decided_at',
    ])
    .where('meeting_agenda.application_id', '=', applicationId)
    .where('meeting_agenda.outcome', 'is not', null)
    .orderBy('meeting_agenda.decided_at', 'desc')
    .orderBy('meeting_agenda.id', 'desc')
    .executeTakeFirst();
}

/**
 * Whether an expert may read an application now: it is on the agenda of a meeting the expert attends
 * (recorded present) while its vote is open. Before the vote and after it closes, nothing.
 */
export async function onExpertAgenda(db: Executor, expertId: number, applicationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_agenda')
    .innerJoin('meeting', 'meeting.id', 'meeting_agenda.meeting_id')
    .innerJoin('meeting_member', (j) =>
      j
        .onRef('meeting_member.meeting_id', '=', 'meeting.id')
        .on('meeting_member.expert_account_id', '=', expertId)
        .on('meeting_member.present', '=', true),
    )
    .select('meeting_agenda.id')
    .where('meeting_agenda.application_id', '=', applicationId)
    .where('meeting.status', '=', 'voting')
    .executeTakeFirst();
  return row !== undefined;
}
