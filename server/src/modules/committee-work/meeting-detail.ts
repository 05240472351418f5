import {
  leastReaching,
  meetingStatusLabels,
  type MeetingDetail,
  type MeetingStatus,
  type RecusalReason,
  type VoteRule,
} from '#common';
import type { Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { committeeOffice, type OfficeActor } from './committee-office';
import { applicationSummaries } from './committee-applications.repository';
import * as meetings from './meeting.repository';

export const shareText = (s: { num: number; den: number }) => `${s.num}/${s.den}`;

/** The committee's voting rule as configured now (fixed on a meeting when its vote opens). */
export async function committeeRule(db: Executor, committeeId: number): Promise<VoteRule> {
  const c = await db
    .selectFrom('committee')
    .select(['quorum_num', 'quorum_den', 'pass_num', 'pass_den'])
    .where('id', '=', committeeId)
    .executeTakeFirstOrThrow();
  return { quorum: { num: c.quorum_num, den: c.quorum_den }, pass: { num: c.pass_num, den: c.pass_den } };
}

/** What the office's meeting page shows; ballots only as counts, and those only once the vote closed. */
export async function detailOf(db: Executor, meeting: meetings.MeetingRecord): Promise<MeetingDetail> {
  const [members, agenda, rule] = await Promise.all([
    meetings.membersOf(db, meeting.id),
    meetings.agendaOf(db, meeting.id),
    meeting.rule ? Promise.resolve(meeting.rule) : committeeRule(db, meeting.committee_id),
  ]);
  const summaries = agenda.length
    ? await applicationSummaries(db)
        .where(
          'application.id',
          'in',
          agenda.map((a) => a.application_id),
        )
        .execute()
    : [];
  const names = new Map(members.map((m) => [m.expert_account_id, m.name]));
  const recusedNames = meeting.draw_recused?.length
    ? await db
        .selectFrom('expert')
        .select(['account_id', 'name'])
        .where(
          'account_id',
          'in',
          meeting.draw_recused.map((r) => r.expertId),
        )
        .execute()
    : [];
  for (const e of recusedNames) names.set(e.account_id, e.name);
  const present = members.filter((m) => m.present === true).length;
  return {
    meeting: {
      ...rowOf(meeting),
      memberCount: members.length,
      presentCount: members.some((m) => m.present !== null) ? present : null,
      agendaCount: agenda.length,
    },
    members: members.map((m) => ({
      expertId: String(m.expert_account_id),
      name: m.name,
      unitName: m.unit_name,
      titleName: m.title_name,
      specialties: m.specialties,
      present: m.present,
    })),
    agenda: agenda.map((item) => {
      const s = summaries.find((x) => x.id === item.application_id);
      const decided = item.outcome !== null;
      return {
        applicationId: String(item.application_id),
        applicantName: s?.applicant_name ?? '',
        unitName: s?.unit_name ?? '',
        titleName: s?.title_name ?? '',
        specialty: s?.specialty ?? '',
        ballotsCast: Number(item.ballots_cast ?? 0),
        tally: decided
          ? {
              expected: item.expected!,
              present: item.present!,
              agree: item.agree!,
              disagree: item.disagree!,
              abstain: item.abstain!,
            }
          : null,
        outcome: item.outcome,
      };
    }),
    draw:
      meeting.draw_seed && meeting.drawn_at
        ? {
            seed: meeting.draw_seed,
            drawnAt: meeting.drawn_at.toISOString(),
            eligibleCount: meeting.draw_eligible?.length ?? 0,
            recused: (meeting.draw_recused ?? []).map((r) => ({
              name: names.get(r.expertId) ?? '',
              reason: r.reason as RecusalReason,
            })),
          }
        : null,
    rule: {
      quorumLeast: members.length ? leastReaching(members.length, rule.quorum) : null,
      quorumShare: shareText(rule.quorum),
      passShare: shareText(rule.pass),
    },
  };
}

export function rowOf(m: meetings.MeetingRecord) {
  return {
    id: String(m.id),
    title: m.title,
    meetingDate: m.meeting_date,
    place: m.place,
    titleLevel: m.title_level,
    specialties: m.specialties,
    size: m.size,
    status: m.status,
  };
}

export const refuse = (message: string) => new AppError('RULE_VIOLATED', message);

/** The office's own meeting, locked for the change, in the state the change needs. */
export async function ownMeeting(trx: Executor, office: OfficeActor, id: number, ...statuses: MeetingStatus[]) {
  const meeting = await meetings.lockMeeting(trx, id);
  if (!meeting || meeting.committee_id !== office.orgId) throw notFound('会议不存在');
  if (statuses.length && !statuses.includes(meeting.status)) {
    throw new AppError('CONFLICT', `会议当前为“${meetingStatusLabels[meeting.status]}”，不能进行此操作，请刷新页面`);
  }
  return meeting;
}

/** The meeting page as the office reads it. */
export async function meetingDetail(db: Executor, actor: Actor, id: number) {
  const office = committeeOffice(actor);
  const meeting = await meetings.findMeeting(db, office.orgId, id);
  if (!meeting) throw notFound('会议不存在');
  return detailOf(db, meeting);
}
