import { maskPhone, type Expert, type ExpertBody, type ExpertCreate, type ExpertStatus } from '#common';
import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { searchUnits } from '../applicants/applicant.repository';
import { giveTemporaryPassword, unlockAccount } from '../auth/account.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { listSupervisors } from '../organisations/organisation.repository';
import { committeeOffice, inTransaction } from './committee-office';
import * as experts from './expert.repository';

function present(row: experts.ExpertListRow): Expert {
  return {
    id: String(row.account_id),
    loginName: row.login_name,
    name: row.name,
    phone: maskPhone(row.phone),
    unitName: row.unit_name,
    unit: row.unit_id !== null ? { id: String(row.unit_id), name: row.unit_record_name ?? '' } : null,
    supervisor: row.supervisor_id !== null ? { id: String(row.supervisor_id), name: row.supervisor_name ?? '' } : null,
    titleName: row.title_name,
    specialties: row.specialties,
    termStartsOn: row.term_starts_on,
    termEndsOn: row.term_ends_on,
    conflictUnits: row.conflicts.map((c) => ({ id: String(c.id), name: c.name })),
    status: row.status,
  };
}

const valuesOf = <B extends ExpertBody>(body: B): experts.ExpertValues & { phone: B['phone'] } => ({
  name: body.name,
  phone: body.phone,
  unitName: body.unitName,
  unitId: body.unitId === null ? null : Number(body.unitId),
  supervisorId: body.supervisorId === null ? null : Number(body.supervisorId),
  titleName: body.titleName,
  specialties: [...new Set(body.specialties)],
  termStartsOn: body.termStartsOn,
  termEndsOn: body.termEndsOn,
  conflictUnitIds: body.conflictUnitIds.map(Number),
});

/** 专家库: the committee office keeps its experts and their accounts. */
export function createExpertService(db: Db, clock: Clock) {
  async function ownExpert(trx: Executor, committeeId: number, accountId: number) {
    const [row] = await experts.listExperts(trx, { committeeId, accountId }, { limit: 1, offset: 0 });
    if (!row) throw notFound('专家不存在');
    return row;
  }

  /** Units and supervisors named must exist: a wrong id would silently defeat the recusal. */
  async function checkReferences(trx: Executor, values: experts.ExpertValues) {
    const unitIds = [...(values.unitId === null ? [] : [values.unitId]), ...values.conflictUnitIds];
    if (unitIds.length) {
      const found = await trx.selectFrom('unit').select('id').where('id', 'in', unitIds).execute();
      if (new Set(found.map((u) => u.id)).size !== new Set(unitIds).size) {
        throw new AppError('VALIDATION_FAILED', '所选单位不存在，请重新选择');
      }
    }
    if (values.supervisorId !== null) {
      const found = await trx
        .selectFrom('supervisor')
        .select('id')
        .where('id', '=', values.supervisorId)
        .executeTakeFirst();
      if (!found) throw new AppError('VALIDATION_FAILED', '所选主管部门不存在，请重新选择');
    }
  }

  return {
    /** The unit picker: registered units by a part of the name (or the whole credit code), 20 at most. */
    async unitOptions(actor: Actor, keyword: string) {
      committeeOffice(actor);
      const rows = await searchUnits(db, keyword);
      return { items: rows.map((u) => ({ id: String(u.id), name: u.name, creditCode: u.credit_code })) };
    },

    /** The 主管部门 picker: the departments not disabled (停用). */
    async supervisorOptions(actor: Actor) {
      committeeOffice(actor);
      const rows = await listSupervisors(db, undefined, true);
      return { items: rows.map((s) => ({ id: String(s.id), name: s.name })) };
    },

    async list(actor: Actor, query: { page: number; pageSize: number; keyword?: string; status?: ExpertStatus }) {
      const office = committeeOffice(actor);
      const filter = { committeeId: office.orgId, keyword: query.keyword, status: query.status };
      const [total, rows] = await Promise.all([
        experts.countExperts(db, filter),
        experts.listExperts(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
      ]);
      return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
    },

    /** A new expert with an account; the one-time password is shown once and must be changed at first login. */
    async create(actor: Actor, body: ExpertCreate) {
      const office = committeeOffice(actor);
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const values = valuesOf(body);
      const id = await inTransaction(
        db,
        clock,
        office,
        async (trx, now) => {
          await checkReferences(trx, values);
          const accountId = await experts.insertExpert(trx, now, {
            ...values,
            committeeId: office.orgId,
            loginName: body.loginName,
            passwordHash,
          });
          return {
            result: accountId,
            audit: {
              action: 'expert.create',
              objectType: 'account',
              objectId: accountId,
              detail: { committeeId: office.orgId, loginName: body.loginName },
            },
          };
        },
        '该登录账号或手机号已被其他专家使用',
      );
      return { id: String(id), temporaryPassword };
    },

    async update(actor: Actor, accountId: number, body: ExpertBody) {
      const office = committeeOffice(actor);
      const values = valuesOf(body);
      await inTransaction(
        db,
        clock,
        office,
        async (trx, now) => {
          await ownExpert(trx, office.orgId, accountId);
          await checkReferences(trx, values);
          await experts.updateExpert(trx, now, accountId, values);
          return {
            result: null,
            audit: {
              action: 'expert.update',
              objectType: 'account',
              objectId: accountId,
              detail: { specialties: values.specialties, termEndsOn: values.termEndsOn },
            },
          };
        },
        '该手机号已被其他专家使用',
      );
    },

    async setStatus(actor: Actor, accountId: number, status: ExpertStatus) {
      const office = committeeOffice(actor);
      await inTransaction(db, clock, office, async (trx, now) => {
        await ownExpert(trx, office.orgId, accountId);
        await experts.setExpertStatus(trx, now, accountId, status);
        return { result: null, audit: { action: `expert.${status}`, objectType: 'account', objectId: accountId } };
      });
    },

    async resetPassword(actor: Actor, accountId: number) {
      const office = committeeOffice(actor);
      const temporaryPassword = generatePassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await inTransaction(db, clock, office, async (trx, now) => {
        await ownExpert(trx, office.orgId, accountId);
        await giveTemporaryPassword(trx, now, accountId, passwordHash);
        await unlockAccount(trx, accountId, now);
        return { result: null, audit: { action: 'expert.password.reset', objectType: 'account', objectId: accountId } };
      });
      return temporaryPassword;
    },
  };
}
export type ExpertService = ReturnType<typeof createExpertService>;
