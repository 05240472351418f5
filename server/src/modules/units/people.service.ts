import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { PageRequest } from '../../db/paginate';
import type { UnitActor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import type { AccountService } from '../account/account.service';
import { appendAudit } from '../audit/audit.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { insertMessage } from '../messages/message.repository';
import { publish } from '../notifications/outbox.repository';
import { presentPerson } from './people.presenter';
import * as people from './people.repository';
import { giveTemporaryPassword } from '../auth/account.repository';

/** 专业技术人员 (manual §3.1): the people who chose the unit, and what the unit may do for them. */
export function createPeopleService(db: Db, clock: Clock, accounts: AccountService) {
  /** One of the unit's own people, or 404: a unit learns nothing of anyone else. */
  async function ownPerson(actor: UnitActor, accountId: number) {
    const person = await people.findUnitPerson(db, actor.unitId, accountId, clock.now());
    if (!person) throw notFound('人员不存在或已不在本单位');
    return person;
  }

  return {
    async list(actor: UnitActor, query: PageRequest & { keyword?: string; unitName?: string }) {
      const today = clock.now();
      const page = await people.peoplePage(db, actor.unitId, query, query, today);
      return {
        items: page.rows.map((r) => presentPerson(r, today)),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
        nextCursor: page.nextCursor,
      };
    },

    async message(actor: UnitActor, accountId: number, content: string) {
      const person = await ownPerson(actor, accountId);
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
    async resetPassword(actor: UnitActor, accountId: number) {
      const person = await ownPerson(actor, accountId);
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await giveTemporaryPassword(trx, now, person.account_id, passwordHash);
        await appendAudit(trx, actor, now, {
          action: 'account.password.resetByUnit',
          objectType: 'account',
          objectId: person.account_id,
          detail: { unitId: actor.unitId },
        });
        await publish(trx, now, {
          type: 'person.passwordReset',
          personAccountId: person.account_id,
          unitName: actor.unitName,
        });
      });
      return temporaryPassword;
    },

    /** 移除: the person leaves the unit; their applications stay as they are. */
    async remove(actor: UnitActor, accountId: number) {
      const person = await ownPerson(actor, accountId);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await people.leaveUnit(trx, actor.unitId, person.account_id, now);
        await appendAudit(trx, actor, now, {
          action: 'applicant.unit.remove',
          objectType: 'account',
          objectId: person.account_id,
          detail: { unitId: actor.unitId },
        });
        await publish(trx, now, {
          type: 'person.removed',
          personAccountId: person.account_id,
          unitName: actor.unitName,
        });
      });
    },

    async unlock(actor: UnitActor, accountId: number) {
      await ownPerson(actor, accountId);
      await accounts.unlock(actor, { kind: 'unit', accountId: actor.accountId, unitId: actor.unitId }, accountId);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
