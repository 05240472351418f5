import type { OrgKind, WorkflowAction, WorkflowState } from '#common';
import type { Db } from '../../db/database';
import type { ApplicationRow } from './application.service';

export interface LogEntry {
  action: WorkflowAction;
  actorAccountId: number;
  actorName: string;
  orgKind: 'applicant' | 'unit' | OrgKind;
  orgId: number;
  orgName: string;
  opinion: string;
}

/**
 * Writes one workflow step: the application's new state (and who holds it now) and the log row
 * that records it. Call inside the transaction that locked the row; the caller adds its audit row.
 */
export async function writeTransition(
  trx: Db,
  row: ApplicationRow,
  state: WorkflowState,
  entry: LogEntry,
  at: Date,
  extra: Partial<Record<string, unknown>> = {},
) {
  const step =
    state.status === 'inReview' && state.route && state.stageIndex !== null ? state.route[state.stageIndex] : undefined;
  await trx
    .updateTable('application')
    .set({
      ...extra,
      status: state.status,
      stage_index: state.stageIndex,
      route: state.route === null ? null : JSON.stringify(state.route),
      returned_from_index: state.returnedFromIndex,
      return_count: state.returnCount,
      holder_kind: step?.holder ?? null,
      holder_org_id: step?.orgId ?? null,
      version: row.version + 1,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .execute();
  const last = await trx
    .selectFrom('review_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('application_id', '=', row.id)
    .executeTakeFirst();
  // The stage the step was taken at: for a decision the stage it was at before, for a submission none.
  const stage = entry.action === 'submit' ? null : (row.route?.[row.stage_index ?? -1]?.stage ?? null);
  await trx
    .insertInto('review_log')
    .values({
      application_id: row.id,
      seq: Number(last?.seq ?? 0) + 1,
      stage,
      action: entry.action,
      actor_account_id: entry.actorAccountId,
      actor_name: entry.actorName,
      org_kind: entry.orgKind,
      org_id: entry.orgId,
      org_name: entry.orgName,
      opinion: entry.opinion,
      state_after: JSON.stringify(state),
      at,
    })
    .execute();
}
