import { supervisorRequestStatusLabels, type SupervisorRequestStatus } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { PageRequest } from '../../db/paginate';
import { uniqueViolation } from '../../db/unique-violation';
import type { ReviewerActor, UnitActor } from '../../domain/actor';
import { AppError, forbidden, notFound } from '../../domain/app-error';
import { appendAudit } from '../audit/audit.repository';
import { publish } from '../notifications/outbox.repository';
import { findSupervisor } from '../organisations/organisation.repository';
import { presentChoice, presentDeskRow } from './supervision.presenter';
import * as supervision from './supervision.repository';

/** The supervising department a reviewer speaks for; reviewers of other organisations have no such desk. */
function supervisorDeskOf(actor: ReviewerActor): number {
  if (actor.orgKind !== 'supervisor') throw forbidden('只有主管部门的审核用户可以审核主管单位申请');
  return actor.orgId;
}

/** 选择或变更主管单位 (manual §2.3) on the unit's side, and the supervising department's desk. */
export function createSupervisionService(db: Db, clock: Clock) {
  return {
    listForUnit: async (actor: UnitActor) => (await supervision.unitSupervisors(db, actor.unitId)).map(presentChoice),

    async add(actor: UnitActor, supervisorId: number) {
      const supervisor = await findSupervisor(db, supervisorId);
      if (!supervisor) throw notFound('主管部门不存在');
      // Units that chose it before keep their choice; a new one is refused.
      if (supervisor.disabled_at) throw new AppError('RULE_VIOLATED', '该主管部门已停用，请选择其他主管部门');
      try {
        await db.transaction().execute(async (trx) => {
          const now = clock.now();
          const existing = await supervision.lockUnitChoices(trx, actor.unitId);
          const requestId = await supervision.insertChoice(trx, {
            unitId: actor.unitId,
            supervisorId: supervisor.id,
            isDefault: existing.length === 0,
            submittedAt: now,
          });
          await appendAudit(trx, actor, now, {
            action: 'unitSupervisor.request',
            objectType: 'unitSupervisor',
            objectId: requestId,
            detail: { unitId: actor.unitId, supervisorId: supervisor.id },
          });
          await publish(trx, now, {
            type: 'supervisor.requested',
            supervisorId: supervisor.id,
            unitAccountId: actor.accountId,
            unitName: actor.unitName,
          });
        });
      } catch (error) {
        if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', '已选择过该主管部门');
        throw error;
      }
    },

    async setDefault(actor: UnitActor, choiceId: number) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await supervision.findChoiceForUpdate(trx, actor.unitId, choiceId);
        if (!row) throw notFound('记录不存在');
        if (row.is_default) return;
        await supervision.makeDefault(trx, actor.unitId, row.id);
        await appendAudit(trx, actor, now, {
          action: 'unitSupervisor.setDefault',
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: { unitId: actor.unitId },
        });
      });
    },

    /**
     * 删除/移除; when the default goes, the oldest remaining choice becomes the default (a unit with
     * supervisors needs one). Answers the id of the choice so promoted, if any.
     */
    async remove(actor: UnitActor, choiceId: number): Promise<string | null> {
      const promoted = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await supervision.findChoiceForUpdate(trx, actor.unitId, choiceId);
        if (!row) throw notFound('记录不存在');
        await supervision.deleteChoice(trx, row.id);
        let promoted: number | null = null;
        if (row.is_default) {
          const next = await supervision.oldestChoice(trx, actor.unitId);
          if (next) {
            await supervision.markDefault(trx, next.id);
            promoted = next.id;
          }
        }
        await appendAudit(trx, actor, now, {
          action: 'unitSupervisor.remove',
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: {
            unitId: actor.unitId,
            supervisorId: row.supervisor_id,
            status: row.status,
            wasDefault: row.is_default,
            promoted,
          },
        });
        return promoted;
      });
      return promoted === null ? null : String(promoted);
    },

    async desk(actor: ReviewerActor, query: PageRequest & { status?: SupervisorRequestStatus; keyword?: string }) {
      const supervisorId = supervisorDeskOf(actor);
      const page = await supervision.deskPage(db, supervisorId, query, query);
      return {
        items: page.rows.map(presentDeskRow),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
        nextCursor: page.nextCursor,
      };
    },

    /** The department approves or refuses a unit's request; the unit is told in its 消息. */
    async decide(actor: ReviewerActor, requestId: number, decision: 'approve' | 'reject', opinion: string) {
      const supervisorId = supervisorDeskOf(actor);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await supervision.findRequestForDecision(trx, supervisorId, requestId);
        // Another department's request does not exist as far as this reviewer can tell.
        if (!row) throw notFound('申请不存在');
        if (row.status !== 'pending')
          throw new AppError('CONFLICT', `该申请已处理（${supervisorRequestStatusLabels[row.status]}），请刷新列表`);
        await supervision.recordDecision(trx, row.id, {
          status: decision === 'approve' ? 'approved' : 'rejected',
          at: now,
          by: actor.accountId,
          opinion: opinion || null,
        });
        await appendAudit(trx, actor, now, {
          action: `unitSupervisor.${decision}`,
          objectType: 'unitSupervisor',
          objectId: row.id,
          detail: { unitId: row.unit_id, supervisorId, opinion },
        });
        await publish(trx, now, {
          type: 'supervisor.requestDecided',
          unitAccountId: row.account_id,
          supervisorName: row.supervisor_name,
          decision,
          opinion,
          deciderAccountId: actor.accountId,
        });
      });
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
