import { addWorkingDays, type NoticeDetail } from '#common';
import { beijingDay, type Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { personalData } from '../../db/personal-data';
import { AppError, notFound } from '../../domain/app-error';
import { committeeOffice, inTransaction, type OfficeActor } from './committee-office';
import { committeeStep } from './committee-step';
import { applicationSummaries, waitingAt, whoOf } from './committee-applications.repository';
import {
  noticeCloseRefusal,
  noticeQuery,
  notices,
  publicNoticeView,
  rowOf,
  type NoticeRow,
} from './public-notice.view';

/**
 * 评审结果公示: the office publishes the passed applications (name, unit, title) for the committee's working
 * days, holidays not counted; anyone may object with a contact; each objection is answered, an upheld one
 * sends its application back to the meeting; after the period, with every objection answered, the list
 * is locked and goes to the bureau.
 */
export function createPublicNoticeService(db: Db, clock: Clock) {
  const publicView = (db2: Executor, n: NoticeRow) => publicNoticeView(db2, clock, n);

  const closeRefusal = (trx: Executor, n: NoticeRow) => noticeCloseRefusal(trx, clock.now(), n);

  async function ownNotice(trx: Executor, office: OfficeActor, id: number, lock = false) {
    if (lock) await trx.selectFrom('public_notice').select('id').where('id', '=', id).forUpdate().execute();
    const n = await noticeQuery(trx, id);
    if (!n || n.committee_id !== office.orgId) throw notFound('公示不存在');
    return n;
  }

  return {
    async candidates(actor: Actor) {
      const office = committeeOffice(actor);
      const rows = await applicationSummaries(db)
        .where(waitingAt('publicNotice', { kind: 'committee', orgId: office.orgId }))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('notice_entry')
                .innerJoin('public_notice', 'public_notice.id', 'notice_entry.notice_id')
                .select('notice_entry.id')
                .whereRef('notice_entry.application_id', '=', 'application.id')
                .where('public_notice.status', '=', 'open')
                .where('notice_entry.withdrawn_at', 'is', null),
            ),
          ),
        )
        .select((eb) =>
          eb
            .selectFrom('meeting_agenda')
            .innerJoin('meeting', 'meeting.id', 'meeting_agenda.meeting_id')
            .select('meeting.title')
            .whereRef('meeting_agenda.application_id', '=', 'application.id')
            .where('meeting_agenda.outcome', '=', 'passed')
            .orderBy('meeting_agenda.id', 'desc')
            .limit(1)
            .as('meeting_title'),
        )
        .orderBy('application.id')
        .execute();
      return {
        items: rows.map((r) => ({
          ...whoOf(r),
          meetingTitle: r.meeting_title ?? '',
        })),
      };
    },

    async list(actor: Actor) {
      const office = committeeOffice(actor);
      const rows = await notices(db).where('public_notice.committee_id', '=', office.orgId).execute();
      return { items: rows.map(rowOf) };
    },

    async publish(actor: Actor, body: { title: string; applicationIds: number[] }) {
      const office = committeeOffice(actor);
      return inTransaction(db, clock, office, async (trx, now) => {
        const committee = await trx
          .selectFrom('committee')
          .select('notice_working_days')
          .where('id', '=', office.orgId)
          .executeTakeFirstOrThrow();
        const found = await applicationSummaries(trx)
          .where('application.id', 'in', body.applicationIds)
          .where(waitingAt('publicNotice', { kind: 'committee', orgId: office.orgId }))
          .orderBy('application.id')
          .execute();
        if (found.length !== body.applicationIds.length) {
          throw new AppError('RULE_VIOLATED', '所选申报不在评审结果公示环节，请刷新页面后重新选择');
        }
        const startsOn = beijingDay(now);
        const endsOn = addWorkingDays(startsOn, committee.notice_working_days);
        const notice = await trx
          .insertInto('public_notice')
          .values({
            committee_id: office.orgId,
            title: body.title,
            starts_on: startsOn,
            ends_on: endsOn,
            working_days: committee.notice_working_days,
            status: 'open',
            published_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('notice_entry')
          .values(
            found.map((a) => ({
              notice_id: notice.id,
              application_id: a.id,
              applicant_name: a.applicant_name,
              unit_name: a.unit_name ?? '',
              title_name: a.title_name,
            })),
          )
          .execute();
        return {
          result: notice.id,
          audit: {
            action: 'notice.publish',
            objectType: 'publicNotice',
            objectId: notice.id,
            detail: { startsOn, endsOn, applicationIds: body.applicationIds },
          },
        };
      });
    },

    async detail(actor: Actor, id: number): Promise<NoticeDetail> {
      const office = committeeOffice(actor);
      const n = await ownNotice(db, office, id);
      const objections = await db
        .selectFrom('objection')
        .innerJoin('notice_entry', 'notice_entry.id', 'objection.entry_id')
        .selectAll('objection')
        .select('notice_entry.applicant_name')
        .where('notice_entry.notice_id', '=', id)
        .orderBy('objection.id')
        .execute();
      return {
        ...(await publicView(db, n)),
        objections: objections.map((o) => ({
          id: String(o.id),
          entryId: String(o.entry_id),
          applicantName: o.applicant_name,
          content: o.content,
          contactName: o.contact_name,
          contactPhone: personalData(db).open(o.contact_phone),
          filedAt: o.filed_at.toISOString(),
          answer: o.answer,
          upheld: o.upheld,
          answeredAt: o.answered_at?.toISOString() ?? null,
        })),
        closeRefusal: await closeRefusal(db, n),
      };
    },

    /** 答复异议; an upheld one withdraws the entry and sends the application back to the meeting (重新表决). */
    async answer(actor: Actor, objectionId: number, body: { answer: string; upheld: boolean }) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        const objection = await trx
          .selectFrom('objection')
          .innerJoin('notice_entry', 'notice_entry.id', 'objection.entry_id')
          .select(['objection.id', 'objection.answered_at', 'notice_entry.notice_id', 'notice_entry.application_id'])
          .select(['notice_entry.id as entry_id', 'notice_entry.withdrawn_at'])
          .where('objection.id', '=', objectionId)
          .forUpdate()
          .executeTakeFirst();
        if (!objection) throw notFound('异议不存在');
        const notice = await ownNotice(trx, office, objection.notice_id, true);
        if (notice.status !== 'open') throw new AppError('RULE_VIOLATED', '公示已结束，不能再答复');
        if (objection.answered_at) throw new AppError('CONFLICT', '该异议已答复');
        await trx
          .updateTable('objection')
          .set({ answer: body.answer, upheld: body.upheld, answered_at: now, answered_by_account_id: office.accountId })
          .where('id', '=', objectionId)
          .execute();
        if (body.upheld && objection.withdrawn_at === null) {
          await trx
            .updateTable('notice_entry')
            .set({ withdrawn_at: now })
            .where('id', '=', objection.entry_id)
            .execute();
          await committeeStep(trx, clock, {
            applicationId: objection.application_id,
            action: 'revote',
            actor: office,
            decider: 'publicNotice',
            opinion: `公示异议成立：${body.answer}`,
          });
        }
        return {
          result: null,
          audit: {
            action: 'objection.answer',
            objectType: 'objection',
            objectId: objectionId,
            detail: { upheld: body.upheld, answer: body.answer, applicationId: objection.application_id },
          },
        };
      });
    },

    /** 结束公示: locks the list and sends each application still on it to the bureau's 确认. */
    async close(actor: Actor, id: number) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        const n = await ownNotice(trx, office, id, true);
        const refusal = await closeRefusal(trx, n);
        if (refusal) throw new AppError('RULE_VIOLATED', refusal);
        const entries = await trx
          .selectFrom('notice_entry')
          .select('application_id')
          .where('notice_id', '=', id)
          .where('withdrawn_at', 'is', null)
          .execute();
        for (const e of entries) {
          await committeeStep(trx, clock, {
            applicationId: e.application_id,
            action: 'approve',
            actor: office,
            decider: 'publicNotice',
            opinion: `${n.title}：公示期${n.starts_on}至${n.ends_on}，公示期满。`,
          });
        }
        await trx.updateTable('public_notice').set({ status: 'closed', closed_at: now }).where('id', '=', id).execute();
        return {
          result: null,
          audit: {
            action: 'notice.close',
            objectType: 'publicNotice',
            objectId: id,
            detail: { entries: entries.length },
          },
        };
      });
    },
  };
}
export type PublicNoticeService = ReturnType<typeof createPublicNoticeService>;
