import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { AuditEntry } from '../audit/audit.repository';
import { AppError, notFound } from '../../domain/app-error';
import * as state from './organisation-state.repository';
import { assertPlatform, audited, type PlatformActor } from './platform-write';

/** The first use that forbids deleting, as the message the admin reads (why, and what to do instead). */
type Uses = [count: number, what: string][];

const refusal = (subject: string, uses: Uses) => {
  const found = uses.find(([n]) => n > 0);
  return found ? new AppError('CONFLICT', `${subject}已有${found[0]}${found[1]}，不能删除，可以停用`) : null;
};

/**
 * 删除 / 停用 / 启用 of the organisations the platform set up. One that nothing uses may go; one that is
 * used is disabled instead: no longer offered for new choices, while what already goes through it (a
 * unit's approved department, an application's route and its reviewers' desk) stands.
 */
export function createOrganisationStateService(db: Db, clock: Clock) {
  /** Locks the row, then runs the change with its audit row in one transaction. */
  function change(
    actor: PlatformActor,
    lock: (trx: Executor) => Promise<{ id: number } | undefined>,
    missing: string,
    write: (trx: Executor, now: Date, id: number) => Promise<AuditEntry>,
  ) {
    assertPlatform(actor);
    return audited(db, clock, actor, '', async (trx, now) => {
      const row = await lock(trx);
      if (!row) throw notFound(missing);
      return { result: undefined, audit: await write(trx, now, row.id) };
    }).catch((error: unknown) => {
      // A use that arrived in the same instant (a foreign key) is refused like one counted.
      if ((error as { code?: string } | null)?.code === '23503')
        throw new AppError('CONFLICT', '该记录正在被使用，不能删除，可以停用');
      throw error;
    });
  }

  const toggle =
    (table: state.DisableableTable, objectType: string, action: string) =>
    async (trx: Executor, now: Date, id: number, disabled: boolean, detail: Record<string, unknown> = {}) => {
      await state.setDisabled(trx, table, id, now, disabled);
      return { action: `${action}.${disabled ? 'disable' : 'enable'}`, objectType, objectId: id, detail };
    };
  const supervisorToggle = toggle('supervisor', 'supervisor', 'supervisor');
  const bureauToggle = toggle('hr_bureau', 'hrBureau', 'hrBureau');
  const batchToggle = toggle('committee_batch', 'committeeBatch', 'batch');

  return {
    setSupervisorDisabled: (actor: PlatformActor, id: number, disabled: boolean) =>
      change(
        actor,
        (trx) => state.lockRow(trx, 'supervisor', id),
        '主管部门不存在',
        (trx, now, rowId) => supervisorToggle(trx, now, rowId, disabled),
      ),

    deleteSupervisor: (actor: PlatformActor, id: number) =>
      change(
        actor,
        (trx) => state.lockRow(trx, 'supervisor', id),
        '主管部门不存在',
        async (trx, _now, rowId) => {
          const refused = refusal('该主管部门', [
            [await state.unitsChoosing(trx, rowId), '个单位选择'],
            [await state.reviewersOf(trx, 'supervisor_id', rowId), '个审核用户'],
            [await state.applicationsThrough(trx, 'supervisor', rowId), '份申报经其审核'],
          ]);
          if (refused) throw refused;
          await state.deleteRow(trx, 'supervisor', rowId);
          return { action: 'supervisor.delete', objectType: 'supervisor', objectId: rowId };
        },
      ),

    setHrBureauDisabled: (actor: PlatformActor, id: number, disabled: boolean) =>
      change(
        actor,
        (trx) => state.lockRow(trx, 'hr_bureau', id),
        '人社局不存在',
        (trx, now, rowId) => bureauToggle(trx, now, rowId, disabled),
      ),

    deleteHrBureau: (actor: PlatformActor, id: number) =>
      change(
        actor,
        (trx) => state.lockRow(trx, 'hr_bureau', id),
        '人社局不存在',
        async (trx, _now, rowId) => {
          // A unit whose region would find the bureau is not a use: its next submission finds none.
          const refused = refusal('该人社局', [
            [await state.reviewersOf(trx, 'hr_bureau_id', rowId), '个审核用户'],
            [await state.applicationsThrough(trx, 'hrBureau', rowId), '份申报的审核流程经过它'],
          ]);
          if (refused) throw refused;
          await state.deleteRow(trx, 'hr_bureau', rowId);
          return { action: 'hrBureau.delete', objectType: 'hrBureau', objectId: rowId };
        },
      ),

    setBatchDisabled: (actor: PlatformActor, committeeId: number, batchId: number, disabled: boolean) =>
      change(
        actor,
        (trx) => state.lockBatch(trx, committeeId, batchId),
        '批次不存在',
        (trx, now, rowId) => batchToggle(trx, now, rowId, disabled, { committeeId }),
      ),

    deleteBatch: (actor: PlatformActor, committeeId: number, batchId: number) =>
      change(
        actor,
        (trx) => state.lockBatch(trx, committeeId, batchId),
        '批次不存在',
        async (trx, _now, rowId) => {
          const refused = refusal('该批次', [[await state.applicationsOfBatch(trx, rowId), '份申报']]);
          if (refused) throw refused;
          await state.deleteRow(trx, 'committee_batch', rowId);
          return { action: 'batch.delete', objectType: 'committeeBatch', objectId: rowId, detail: { committeeId } };
        },
      ),
  };
}
