import { sql } from 'kysely';
import { ageOn, maskIdNumber, maskPhone } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { notFound } from '../../domain/app-error';
import type { AccountService } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { insertMessage } from '../messages/message.repository';
import { contains } from '../../db/contains';

/** 专业技术人员 (manual §3.1): the people who chose the unit, and what the unit may do for them. */
export function createPeopleService(db: Db, clock: Clock, accounts: AccountService) {
  /** One of the unit's own people, or 404: a unit learns nothing of anyone else. */
  async function ownPerson(unit: UnitRow, accountId: number) {
    const person = await db
      .selectFrom('applicant')
      .innerJoin('account', 'account.id', 'applicant.account_id')
      .select(['applicant.account_id', 'applicant.name', 'account.locked_at'])
      .where('applicant.account_id', '=', accountId)
      .where('applicant.unit_id', '=', unit.id)
      .executeTakeFirst();
    if (!person) throw notFound('人员不存在或已不在本单位');
    return person;
  }

  return {
    async list(unit: UnitRow, query: { keyword?: string; unitName?: string; page: number; pageSize: number }) {
      let q = db
        .selectFrom('applicant')
        .innerJoin('account', 'account.id', 'applicant.account_id')
        .innerJoin('unit', 'unit.id', 'applicant.unit_id')
        .where('applicant.unit_id', '=', unit.id);
      if (query.keyword) q = q.where('applicant.name', 'like', contains(query.keyword));
      if (query.unitName) q = q.where('unit.name', 'like', contains(query.unitName));
      const [rows, count] = await Promise.all([
        q
          .select([
            'applicant.account_id',
            'applicant.name',
            'applicant.gender',
            'applicant.id_number',
            'applicant.birth_date',
            'account.phone',
            'account.locked_at',
            'unit.name as unit_name',
          ])
          .orderBy('applicant.unit_joined_at', 'desc')
          .orderBy('applicant.account_id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      ]);
      const today = clock.now();
      return {
        items: rows.map((r) => ({
          accountId: String(r.account_id),
          name: r.name,
          gender: r.gender,
          idNumberMasked: maskIdNumber(r.id_number),
          unitName: r.unit_name,
          age: ageOn(new Date(`${r.birth_date}T00:00:00Z`), today),
          phoneMasked: r.phone ? maskPhone(r.phone) : '',
          locked: r.locked_at !== null,
        })),
        total: count.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async message(actor: AuditActor & { accountId: number }, unit: UnitRow, accountId: number, content: string) {
      const person = await ownPerson(unit, accountId);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await insertMessage(trx, now, {
          recipientAccountId: person.account_id,
          senderAccountId: actor.accountId,
          senderKind: 'unit',
          content,
        });
        await appendAudit(trx, actor, now, {
          action: 'message.send',
          objectType: 'account',
          objectId: person.account_id,
        });
      });
    },

    /**
     * 重置密码: unlike the manual's fixed 123456, a one-time password shown once to the unit; the person
     * must change it at the next login, and every open session of theirs ends.
     */
    async resetPassword(actor: AuditActor, unit: UnitRow, accountId: number) {
      const person = await ownPerson(unit, accountId);
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await trx
          .updateTable('account')
          .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: now, updated_at: now })
          .where('id', '=', person.account_id)
          .execute();
        await trx
          .updateTable('session')
          .set({ ended_at: now })
          .where('account_id', '=', person.account_id)
          .where('ended_at', 'is', null)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'account.password.resetByUnit',
          objectType: 'account',
          objectId: person.account_id,
          detail: { unitId: unit.id },
        });
        await insertMessage(trx, now, {
          recipientAccountId: person.account_id,
          senderAccountId: null,
          senderKind: 'system',
          content: `${unit.name} 已为您重置登录密码，请使用单位告知的临时密码登录并立即修改。`,
        });
      });
      return temporaryPassword;
    },

    /** 移除: the person leaves the unit; their applications stay as they are. */
    async remove(actor: AuditActor, unit: UnitRow, accountId: number) {
      const person = await ownPerson(unit, accountId);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await trx
          .updateTable('applicant')
          .set({ unit_id: null, unit_joined_at: null, updated_at: now })
          .where('account_id', '=', person.account_id)
          .where('unit_id', '=', unit.id)
          .execute();
        await appendAudit(trx, actor, now, {
          action: 'applicant.unit.remove',
          objectType: 'account',
          objectId: person.account_id,
          detail: { unitId: unit.id },
        });
        await insertMessage(trx, now, {
          recipientAccountId: person.account_id,
          senderAccountId: null,
          senderKind: 'system',
          content: `您已被 ${unit.name} 移出专业技术人员名单。如有疑问请联系单位。`,
        });
      });
    },

    async unlock(actor: AuditActor & { accountId: number }, unit: UnitRow, accountId: number) {
      await ownPerson(unit, accountId);
      await accounts.unlock(actor, { kind: 'unit', accountId: actor.accountId, unitId: unit.id }, accountId);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
