import { randomUUID } from 'node:crypto';
import type { BallotChoice, ExpertMeeting } from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor, ExpertActor } from '../../domain/actor';
import { AppError, forbidden, notFound } from '../../domain/app-error';
import { inTransaction } from './committee-office';
import { applicationSummaries, whoOf } from './committee-applications.repository';

function expertActor(actor: Actor): ExpertActor {
  if (actor.kind !== 'expert') throw forbidden('只有评审专家可以投票');
  return actor;
}

/** The meetings an expert was drawn for, with the expert's attendance. */
function membershipsOf(db: Executor, expertId: number) {
  return db
    .selectFrom('meeting_member')
    .innerJoin('meeting', 'meeting.id', 'meeting_member.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'meeting.id',
      'meeting.title',
      'meeting.meeting_date',
      'meeting.place',
      'meeting.status',
      'committee.name as committee_name',
      'meeting_member.present',
    ])
    .where('meeting_member.expert_account_id', '=', expertId);
}

/** 评审专家: my meetings, the agenda while I attend an open vote, and my secret ballot on each item. */
export function createBallotService(db: Db, clock: Clock) {
  return {
    async meetings(actor: Actor) {
      const expert = expertActor(actor);
      const rows = await membershipsOf(db, expert.accountId)
        .orderBy('meeting.meeting_date', 'desc')
        .orderBy('meeting.id', 'desc')
        .execute();
      return {
        items: rows.map((m) => ({
          id: String(m.id),
          committeeName: m.committee_name,
          title: m.title,
          meetingDate: m.meeting_date,
          place: m.place,
          status: m.status,
          present: m.present,
        })),
      };
    },

    async meeting(actor: Actor, id: number): Promise<ExpertMeeting> {
      const expert = expertActor(actor);
      const m = await membershipsOf(db, expert.accountId).where('meeting.id', '=', id).executeTakeFirst();
      if (!m) throw notFound('会议不存在');
      const open = m.status === 'voting' && m.present === true;
      const agenda = open
        ? await applicationSummaries(db)
            .innerJoin('meeting_agenda', 'meeting_agenda.application_id', 'application.id')
            .where('meeting_agenda.meeting_id', '=', id)
            .select((eb) =>
              eb
                .exists(
                  eb
                    .selectFrom('ballot_cast')
                    .select('ballot_cast.agenda_id')
                    .whereRef('ballot_cast.agenda_id', '=', 'meeting_agenda.id')
                    .where('ballot_cast.expert_account_id', '=', expert.accountId),
                )
                .as('voted'),
            )
            .orderBy('meeting_agenda.id')
            .execute()
        : [];
      return {
        id: String(m.id),
        committeeName: m.committee_name,
        title: m.title,
        meetingDate: m.meeting_date,
        place: m.place,
        status: m.status,
        present: m.present,
        agenda: agenda.map((a) => ({
          ...whoOf(a),
          specialty: a.specialty ?? '',
          voted: Boolean(a.voted),
        })),
      };
    },

    /**
     * 无记名投票: who has voted goes to one table, the choice to another with a random id and no time; the
     * two share only the agenda item. A ballot once cast is final.
     */
    async cast(actor: Actor, meetingId: number, applicationId: number, choice: BallotChoice) {
      const expert = expertActor(actor);
      await inTransaction(
        db,
        clock,
        expert,
        async (trx) => {
          // Shares the meeting's lock with other ballots; 结束投票 waits for them and they for it.
          const meeting = await trx
            .selectFrom('meeting')
            .select(['id', 'status'])
            .where('id', '=', meetingId)
            .forShare()
            .executeTakeFirst();
          const member = meeting
            ? await trx
                .selectFrom('meeting_member')
                .select('present')
                .where('meeting_id', '=', meetingId)
                .where('expert_account_id', '=', expert.accountId)
                .executeTakeFirst()
            : undefined;
          if (!meeting || !member) throw notFound('会议不存在');
          if (meeting.status !== 'voting') throw new AppError('RULE_VIOLATED', '本次会议不在投票时间内');
          if (member.present !== true) throw new AppError('RULE_VIOLATED', '您未签到，不能投票');
          const item = await trx
            .selectFrom('meeting_agenda')
            .select('id')
            .where('meeting_id', '=', meetingId)
            .where('application_id', '=', applicationId)
            .executeTakeFirst();
          if (!item) throw notFound('该申报不在本次会议议程中');
          await trx
            .insertInto('ballot_cast')
            .values({ agenda_id: item.id, expert_account_id: expert.accountId })
            .execute();
          await trx.insertInto('ballot').values({ id: randomUUID(), agenda_id: item.id, choice }).execute();
          return {
            result: null,
            // Who voted on what, never how.
            audit: { action: 'ballot.cast', objectType: 'meeting', objectId: meetingId, detail: { applicationId } },
          };
        },
        '您已对该申报投票，投票后不能更改',
      );
      return { voted: true as const };
    },
  };
}
export type BallotService = ReturnType<typeof createBallotService>;
