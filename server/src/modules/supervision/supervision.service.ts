import { sql } from 'kysely';
import { supervisorRequestStatusLabels, type SupervisorRequestStatus } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitRow } from '../../db/schema';
import { uniqueViolation } from '../../db/unique-violation';
import { AppError, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import type { AuditActor } from '../../domain/actor';
import { insertMessage } from '../messages/message.repository';
import { contains } from '../../db/contains';

/** 选择或变更主管单位 (manual §2.3) on the unit's side, and the supervising department's desk. */
export function createSupervisionService(db: Db, clock: Clock) {
  async function reviewersOf(trx: Db, supervisorId: number) {
    return trx.selectFrom('reviewer').select('account_id').where('supervisor_id', '=', supervisorId).execute();
  }

  return {
    listForUnit(unitId: number) {
      return db
        .selectFrom('unit_supervisor')
        .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
        .selectAll('unit_supervisor')
        .select('supervisor.name as supervisor_name')
        .where('unit_supervisor.unit_id', '=', unitId)
        .orderBy('unit_supervisor.submitted_at')
        .execute();
    },

    async add(actor: AuditActor & { accountId: number }, unit: UnitRow, supervisorId: number) {
      const supervisor = await db
        .selectFrom('supervisor')
        .select(['id', 'name'])
        .where('id', '=', supervisorId)
        .executeTakeFirst();
      if (!supervisor) throw notFound('主管部门不存在');
      try {
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const existing = await trx
            .selectFrom('unit_supervisor')
            .select('id')
            .where('unit_id', '=', unit.id)
            .forUpdate()
            .execute();
          const request = await trx
            .insertInto('unit_supervisor')
            .values({
              unit_id: unit.id,
              supervisor_id: supervisor.id,
              is_default: existing.length === 0,
              status: 'pending',
              submitted_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await appendAudit(trx, actor, now, {
            action: 'unitSupervisor.request',
            objectType: 'unitSupervisor',
            objectId: request.id,
            detail: { unitId: unit.id, supervisorId: supervisor.id },
          });
          for (const reviewer of await reviewersOf(trx, supervisor.id)) {
            await insertMessage(trx, now, {
              recipientAccountId: reviewer.account_id,
              senderAccountId: actor.accountId,
              senderKind: 'unit',
              content: `${unit.name} 申请将贵部门设为主管部门，请在【主管单位审核】中审核。`,
            });
          }
        });
      } catch (error) {
        if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', '已选择过该主管部门');
        throw error;
      }
    },

    async setDefault(actor: AuditActor, unit: UnitRow, requestId: number) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await trx
          .selectFrom('unit_supervisor')
          .select(['id', 'is_default'])
          .where('id', '=', requestId)
          .where('unit_id', '=', unit.id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('记录不存在');
        if (row.is_default) return;
        await trx.updateTable('unit_supervisor').set({ is_default: false }).where('unit_id', '=', unit.id).execute();
        await trx.updateTable('unit_supervisor').set({ is_default: true }).where('id', '=', row.id).execute();
        await appendAudit(trx, actor, now, {
          action: 'unitSupervisor.setDefault',
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: { unitId: unit.id },
        });
      });
    },

    /** 删除/移除; when the default goes, the oldest remaining choice becomes the default (a unit with supervisors needs one). */
    async remove(actor: AuditActor, unit: UnitRow, requestId: number) {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await trx
          .selectFrom('unit_supervisor')
          .selectAll()
          .where('id', '=', requestId)
          .where('unit_id', '=', unit.id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('记录不存在');
        await trx.deleteFrom('unit_supervisor').where('id', '=', row.id).execute();
        let promoted: number | null = null;
        if (row.is_default) {
          const next = await trx
            .selectFrom('unit_supervisor')
            .select('id')
            .where('unit_id', '=', unit.id)
            .orderBy('submitted_at')
            .limit(1)
            .executeTakeFirst();
          if (next) {
            await trx.updateTable('unit_supervisor').set({ is_default: true }).where('id', '=', next.id).execute();
            promoted = next.id;
          }
        }
        await appendAudit(trx, actor, now, {
          action: 'unitSupervisor.remove',
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: {
            unitId: unit.id,
            supervisorId: row.supervisor_id,
            status: row.status,
            wasDefault: row.is_default,
            promoted,
          },
        });
        return { promoted };
      });
    },

    async desk(
      supervisorId: number,
      query: { status?: SupervisorRequestStatus; keyword?: string; page: number; pageSize: number },
    ) {
      let q = db
        .selectFrom('unit_supervisor')
        .innerJoin('unit', 'unit.id', 'unit_supervisor.unit_id')
        .leftJoin('region', 'region.code', 'unit.region_code')
        .where('unit_supervisor.supervisor_id', '=', supervisorId);
      if (query.status) q = q.where('unit_supervisor.status', '=', query.status);
      if (query.keyword)
        q = q.where((eb) =>
          eb.or([
            eb('unit.name', 'like', contains(query.keyword!)),
            eb('unit.credit_code', '=', query.keyword!.toUpperCase()),
          ]),
        );
      const [rows, total] = await Promise.all([
        q
          .select([
            'unit_supervisor.id',
            'unit.name',
            'unit.credit_code',
            'unit.nature',
            'unit.level',
            'region.full_name as region_full_name',
            'unit.contact_name',
            'unit.contact_phone',
            'unit_supervisor.status',
            'unit_supervisor.submitted_at',
            'unit_supervisor.decided_at',
            'unit_supervisor.opinion',
          ])
          .orderBy('unit_supervisor.submitted_at', 'desc')
          .orderBy('unit_supervisor.id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: total.total };
    },

    /** The department approves or refuses a unit's request; the unit is told in its 消息. */
    async decide(
      actor: AuditActor & { accountId: number },
      supervisorId: number,
      requestId: number,
      decision: 'approve' | 'reject',
      opinion: string,
    ) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await trx
          .selectFrom('unit_supervisor')
          .innerJoin('unit', 'unit.id', 'unit_supervisor.unit_id')
          .innerJoin('supervisor', 'supervisor.id', 'unit_supervisor.supervisor_id')
          .select([
            'unit_supervisor.id',
            'unit_supervisor.status',
            'unit.account_id',
            'unit.id as unit_id',
            'supervisor.name as supervisor_name',
          ])
          .where('unit_supervisor.id', '=', requestId)
          .where('unit_supervisor.supervisor_id', '=', supervisorId)
          .forUpdate()
          .executeTakeFirst();
        // Another department's request does not exist as far as this reviewer can tell.
        if (!row) throw notFound('申请不存在');
        if (row.status !== 'pending')
          throw new AppError('CONFLICT', `该申请已处理（${supervisorRequestStatusLabels[row.status]}），请刷新列表`);
        const status = decision === 'approve' ? 'approved' : 'rejected';
        await trx
          .updateTable('unit_supervisor')
          .set({ status, decided_at: now, decided_by: actor.accountId, opinion: opinion || null })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, actor, now, {
          action: `unitSupervisor.${decision}`,
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: { unitId: row.unit_id, supervisorId, opinion },
        });
        await insertMessage(trx, now, {
          recipientAccountId: row.account_id,
          senderAccountId: actor.accountId,
          senderKind: 'reviewer',
          content:
            decision === 'approve'
              ? `主管部门【${row.supervisor_name}】已审核通过贵单位的主管单位申请。${opinion ? `审核意见：${opinion}` : ''}`
              : `主管部门【${row.supervisor_name}】审核不通过贵单位的主管单位申请。审核意见：${opinion}`,
        });
      });
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
