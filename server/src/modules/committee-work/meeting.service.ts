import { titleLevelLabels, type MeetingBody } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { committeeOffice, inTransaction } from './committee-office';
import { applicationSummaries, waitingAt, whoOf } from './committee-applications.repository';
import * as meetings from './meeting.repository';
import { meetingDetail, ownMeeting, refuse, rowOf } from './meeting-detail';

/** 评审会议: agenda, the draw of members with recusal, attendance and quorum, the secret ballot's close. */
export function createMeetingService(db: Db, clock: Clock) {
  const detail = (actor: Actor, id: number) => meetingDetail(db, actor, id);

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
          ...whoOf(r),
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
  };
}
export type MeetingService = ReturnType<typeof createMeetingService>;
