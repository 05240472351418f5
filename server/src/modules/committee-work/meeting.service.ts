import { randomBytes } from 'node:crypto';
import {
  drawExperts,
  hasQuorum,
  leastReaching,
  meetingStatusLabels,
  titleLevelLabels,
  voteOutcome,
  voteOutcomeLabels,
  type MeetingBody,
  type MeetingDetail,
  type MeetingStatus,
  type RecusalReason,
  type VoteRule,
} from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { committeeOffice, inTransaction, type OfficeActor } from './committee-office';
import { committeeStep } from './committee-step';
import { applicationSummaries, supervisorOnRoute, waitingAt } from './committee-applications.repository';
import { drawCandidates } from './expert.repository';
import * as meetings from './meeting.repository';

const shareText = (s: { num: number; den: number }) => `${s.num}/${s.den}`;

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
async function detailOf(db: Executor, meeting: meetings.MeetingRecord): Promise<MeetingDetail> {
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

function rowOf(m: meetings.MeetingRecord) {
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

const refuse = (message: string) => new AppError('RULE_VIOLATED', message);

/** 评审会议: agenda, the draw of members with recusal, attendance and quorum, the secret ballot's close. */
export function createMeetingService(db: Db, clock: Clock) {
  /** The office's own meeting, locked for the change, in the state the change needs. */
  async function ownMeeting(trx: Executor, office: OfficeActor, id: number, ...statuses: MeetingStatus[]) {
    const meeting = await meetings.lockMeeting(trx, id);
    if (!meeting || meeting.committee_id !== office.orgId) throw notFound('会议不存在');
    if (statuses.length && !statuses.includes(meeting.status)) {
      throw new AppError('CONFLICT', `会议当前为“${meetingStatusLabels[meeting.status]}”，不能进行此操作，请刷新页面`);
    }
    return meeting;
  }

  async function detail(actor: Actor, id: number) {
    const office = committeeOffice(actor);
    const meeting = await meetings.findMeeting(db, office.orgId, id);
    if (!meeting) throw notFound('会议不存在');
    return detailOf(db, meeting);
  }

  return {
    detail,

    async list(actor: Actor) {
      const office = committeeOffice(actor);
      const rows = await meetings.meetingsOf(db, office.orgId);
      return {
        items: rows.map((m) => ({
          ...rowOf(m),
          memberCount: Number(m.member_count ?? 0),
          presentCount: m.status === 'planned' ? null : Number(m.present_count ?? 0),
          agendaCount: Number(m.agenda_count ?? 0),
        })),
      };
    },

    async create(actor: Actor, body: MeetingBody) {
      const office = committeeOffice(actor);
      return inTransaction(db, clock, office, async (trx, now) => {
        const row = await trx
          .insertInto('meeting')
          .values({
            committee_id: office.orgId,
            title: body.title,
            meeting_date: body.meetingDate,
            place: body.place,
            title_level: body.titleLevel,
            specialties: JSON.stringify([...new Set(body.specialties)]),
            size: body.size,
            status: 'planned',
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          result: row.id,
          audit: { action: 'meeting.create', objectType: 'meeting', objectId: row.id, detail: { ...body } },
        };
      });
    },

    /** Applications at 评审会议 with this committee that no open agenda holds. */
    async candidates(actor: Actor) {
      const office = committeeOffice(actor);
      const rows = await applicationSummaries(db)
        .where(waitingAt('meeting', { kind: 'committee', orgId: office.orgId }))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('meeting_agenda')
                .select('meeting_agenda.id')
                .whereRef('meeting_agenda.application_id', '=', 'application.id')
                .where('meeting_agenda.outcome', 'is', null),
            ),
          ),
        )
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('meeting_agenda')
                .select('meeting_agenda.id')
                .whereRef('meeting_agenda.application_id', '=', 'application.id'),
            )
            .as('voted_before'),
        )
        .orderBy('application.id')
        .execute();
      return {
        items: rows.map((r) => ({
          applicationId: String(r.id),
          applicantName: r.applicant_name,
          unitName: r.unit_name ?? '',
          titleName: r.title_name,
          titleLevel: r.title_level,
          specialty: r.specialty ?? '',
          revote: Boolean(r.voted_before),
        })),
      };
    },

    async addAgenda(actor: Actor, id: number, applicationIds: number[]) {
      const office = committeeOffice(actor);
      await inTransaction(
        db,
        clock,
        office,
        async (trx) => {
          const meeting = await ownMeeting(trx, office, id, 'planned');
          const found = await applicationSummaries(trx)
            .where('application.id', 'in', applicationIds)
            .where(waitingAt('meeting', { kind: 'committee', orgId: office.orgId }))
            .execute();
          if (found.length !== applicationIds.length) throw refuse('所选申报不在评审会议环节，请刷新页面后重新选择');
          const wrongLevel = found.find((a) => a.title_level !== meeting.title_level);
          if (wrongLevel) {
            throw refuse(
              `${wrongLevel.applicant_name}申报的是${titleLevelLabels[wrongLevel.title_level]}，本次会议评审${titleLevelLabels[meeting.title_level]}`,
            );
          }
          await trx
            .insertInto('meeting_agenda')
            .values(applicationIds.map((application_id) => ({ meeting_id: id, application_id })))
            .execute();
          return {
            result: null,
            audit: { action: 'meeting.agenda.add', objectType: 'meeting', objectId: id, detail: { applicationIds } },
          };
        },
        '所选申报已列入其他会议的议程',
      );
    },

    async removeAgenda(actor: Actor, id: number, applicationId: number) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx) => {
        await ownMeeting(trx, office, id, 'planned');
        const removed = await trx
          .deleteFrom('meeting_agenda')
          .where('meeting_id', '=', id)
          .where('application_id', '=', applicationId)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) throw notFound('该申报不在本次会议议程中');
        return {
          result: null,
          audit: { action: 'meeting.agenda.remove', objectType: 'meeting', objectId: id, detail: { applicationId } },
        };
      });
    },

    /**
     * 随机抽取专家: once per meeting, from the pool by the meeting's specialties, never an expert of an
     * agenda application's unit or supervising department or one who declared a conflict with the unit.
     * The seed, the drawable experts and the recused are recorded: the draw replays from them.
     */
    async draw(actor: Actor, id: number) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        const meeting = await ownMeeting(trx, office, id, 'planned');
        const agenda = await meetings.agendaOf(trx, id);
        if (agenda.length === 0) throw refuse('请先将申报列入会议议程，再抽取专家');
        const summaries = await applicationSummaries(trx)
          .where(
            'application.id',
            'in',
            agenda.map((a) => a.application_id),
          )
          .execute();
        const recusal = {
          unitIds: summaries.flatMap((s) => (s.unit_id === null ? [] : [s.unit_id])),
          supervisorIds: summaries.flatMap((s) => supervisorOnRoute(s) ?? []),
        };
        const seed = randomBytes(16).toString('hex');
        const candidates = await drawCandidates(trx, office.orgId, meeting.meeting_date);
        const drawn = drawExperts(candidates, { seed, count: meeting.size, specialties: meeting.specialties, recusal });
        if (!drawn.enough) {
          throw refuse(
            `符合条件的专家不足：需要${meeting.size}人，可抽取${drawn.eligibleIds.length}人（回避${drawn.recused.length}人）。请补充专家库或调整会议的专业、人数`,
          );
        }
        await trx
          .insertInto('meeting_member')
          .values(
            drawn.memberIds.map((expertId, i) => ({ meeting_id: id, expert_account_id: expertId, draw_order: i + 1 })),
          )
          .execute();
        await trx
          .updateTable('meeting')
          .set({
            status: 'drawn',
            draw_seed: seed,
            draw_eligible: JSON.stringify(drawn.eligibleIds),
            draw_recused: JSON.stringify(drawn.recused),
            drawn_at: now,
          })
          .where('id', '=', id)
          .execute();
        return {
          result: null,
          audit: {
            action: 'meeting.draw',
            objectType: 'meeting',
            objectId: id,
            detail: {
              seed,
              count: meeting.size,
              specialties: meeting.specialties,
              eligible: drawn.eligibleIds,
              recused: drawn.recused,
              members: drawn.memberIds,
            },
          },
        };
      });
      return detail(actor, id);
    },

    /** 签到: who of the members is present; may be corrected until the vote opens. */
    async attendance(actor: Actor, id: number, presentIds: number[]) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx) => {
        await ownMeeting(trx, office, id, 'drawn');
        const members = await meetings.membersOf(trx, id);
        const memberIds = new Set(members.map((m) => m.expert_account_id));
        if (presentIds.some((e) => !memberIds.has(e))) throw refuse('签到的专家不是本次会议抽取的专家');
        for (const m of members) {
          await trx
            .updateTable('meeting_member')
            .set({ present: presentIds.includes(m.expert_account_id) })
            .where('meeting_id', '=', id)
            .where('expert_account_id', '=', m.expert_account_id)
            .execute();
        }
        return {
          result: null,
          audit: {
            action: 'meeting.attendance',
            objectType: 'meeting',
            objectId: id,
            detail: { expected: members.length, present: presentIds },
          },
        };
      });
      return detail(actor, id);
    },

    /** 开始投票: only with attendance recorded and the quorum present; the rule is fixed from here. */
    async open(actor: Actor, id: number) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        await ownMeeting(trx, office, id, 'drawn');
        const members = await meetings.membersOf(trx, id);
        if (members.some((m) => m.present === null)) throw refuse('请先签到，记录实到专家');
        const present = members.filter((m) => m.present).length;
        const rule = await committeeRule(trx, office.orgId);
        if (!hasQuorum(members.length, present, rule)) {
          throw refuse(
            `实到${present}人，未达到法定人数（应到${members.length}人的${shareText(rule.quorum)}，至少${leastReaching(members.length, rule.quorum)}人），不能开始投票`,
          );
        }
        await trx
          .updateTable('meeting')
          .set({ status: 'voting', rule: JSON.stringify(rule), opened_at: now })
          .where('id', '=', id)
          .execute();
        return {
          result: null,
          audit: {
            action: 'meeting.open',
            objectType: 'meeting',
            objectId: id,
            detail: { expected: members.length, present, rule },
          },
        };
      });
      return detail(actor, id);
    },

    /**
     * 结束投票: counts each item (a present member who cast no ballot counts as 弃权), writes 应到/实到/
     * 同意/不同意/弃权 and the outcome, and moves each application on: 通过 to 公示, 未通过 ends it.
     */
    async close(actor: Actor, id: number) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        const meeting = await ownMeeting(trx, office, id, 'voting');
        const rule = meeting.rule!;
        const members = await meetings.membersOf(trx, id);
        const expected = members.length;
        const present = members.filter((m) => m.present).length;
        const results: { applicationId: number; outcome: string }[] = [];
        for (const item of await meetings.agendaOf(trx, id)) {
          const counted = await meetings.countBallots(trx, item.id);
          const tally = { expected, present, ...counted, abstain: present - counted.agree - counted.disagree };
          const outcome = voteOutcome(tally, rule);
          if (outcome === 'noQuorum') throw refuse('出席人数不足，不能计票');
          await trx
            .updateTable('meeting_agenda')
            .set({ ...tally, outcome, decided_at: now })
            .where('id', '=', item.id)
            .execute();
          await committeeStep(trx, clock, {
            applicationId: item.application_id,
            action: outcome === 'passed' ? 'approve' : 'reject',
            actor: office,
            decider: 'meeting',
            opinion: `${meeting.title}（${meeting.meeting_date}）表决：应到${expected}人，实到${present}人，同意${tally.agree}票，不同意${tally.disagree}票，弃权${tally.abstain}票，${voteOutcomeLabels[outcome]}。`,
          });
          results.push({ applicationId: item.application_id, outcome });
        }
        await trx.updateTable('meeting').set({ status: 'closed', closed_at: now }).where('id', '=', id).execute();
        return {
          result: null,
          audit: { action: 'meeting.close', objectType: 'meeting', objectId: id, detail: { expected, present, results } },
        };
      });
      return detail(actor, id);
    },
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
