import { beijingDay, type Clock } from '../../clock';
import type { Db } from '../../db/database';
import { anonymousActor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import type { CaptchaService } from '../captcha/captcha.service';
import { personalData } from '../../db/personal-data';
import { inTransaction } from './committee-office';
import { accepting, noticeQuery, notices, publicNoticeView, rowOf } from './public-notice.view';

/** The public side of the 公示: the lists, and 提出异议 without logging in. */
export function createObjectionService(db: Db, clock: Clock, deps: { captcha: CaptchaService }) {
  return {
    async publicList() {
      const rows = await notices(db).limit(100).execute();
      return { items: rows.map(rowOf) };
    },

    async publicNotice(id: number) {
      const n = await noticeQuery(db, id);
      if (!n) throw notFound('公示不存在');
      return publicNoticeView(db, clock, n);
    },

    /** 提出异议 (no login): during the period, about a person on the list, with a contact to answer. */
    async object(
      id: number,
      body: {
        entryId: number;
        content: string;
        contactName: string;
        contactPhone: string;
        captchaId: string;
        captchaCode: string;
      },
      ip: string | null,
    ) {
      await deps.captcha.verify(body.captchaId, body.captchaCode);
      return inTransaction(db, clock, anonymousActor(ip), async (trx, now) => {
        const n = await noticeQuery(trx, id);
        if (!n) throw notFound('公示不存在');
        if (!accepting(n, beijingDay(now))) throw new AppError('RULE_VIOLATED', '不在公示期内，不能提出异议');
        const entry = await trx
          .selectFrom('notice_entry')
          .select(['id', 'withdrawn_at'])
          .where('id', '=', body.entryId)
          .where('notice_id', '=', id)
          .executeTakeFirst();
        if (!entry || entry.withdrawn_at) throw notFound('公示名单中没有该人员');
        const row = await trx
          .insertInto('objection')
          .values({
            entry_id: entry.id,
            content: body.content,
            contact_name: body.contactName,
            // Sealed at rest like every phone; the office opens it to answer.
            contact_phone: personalData(trx).seal(body.contactPhone),
            ip,
            filed_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return {
          result: { id: String(row.id), message: '异议已提交，评委会办公室将核实后通过您留下的联系方式答复' },
          audit: { action: 'objection.file', objectType: 'objection', objectId: row.id, detail: { noticeId: id } },
        };
      });
    },
  };
}
export type ObjectionService = ReturnType<typeof createObjectionService>;
