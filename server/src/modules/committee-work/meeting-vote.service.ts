import { randomBytes } from 'node:crypto';
import { drawExperts, hasQuorum, leastReaching, voteOutcome, voteOutcomeLabels } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { committeeOffice, inTransaction } from './committee-office';
import { committeeStep } from './committee-step';
import { applicationSummaries, supervisorOnRoute } from './committee-applications.repository';
import { drawCandidates } from './expert.repository';
import * as meetings from './meeting.repository';
import { meetingDetail, ownMeeting, refuse, shareText, committeeRule } from './meeting-detail';

/** 评审会议's vote: the draw of members with recusal, attendance and quorum, and the secret ballot's close. */
export function createMeetingVoteService(db: Db, clock: Clock) {
  const detail = (actor: Actor, id: number) => meetingDetail(db, actor, id);
  return {
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
          audit: {
            action: 'meeting.close',
            objectType: 'meeting',
            objectId: id,
            detail: { expected, present, results },
          },
        };
      });
      return detail(actor, id);
    },
  };
}
export type MeetingVoteService = ReturnType<typeof createMeetingVoteService>;
