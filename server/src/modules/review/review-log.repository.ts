import type { OrgKind, ReviewStage, WorkflowAction, WorkflowState } from '#common';
import type { Executor } from '../../db/database';
import type { ReviewLogTable } from '../../db/schema';

export interface LogEntry {
  applicationId: number;
  stage: ReviewStage | null;
  action: WorkflowAction;
  actorAccountId: number;
  actorName: string;
  orgKind: NonNullable<ReviewLogTable['org_kind']>;
  orgId: number;
  orgName: string;
  opinion: string;
  stateAfter: WorkflowState;
  at: Date;
}

/** Appends the next row of an application's 审核记录; call in the transaction that locked the application. */
export async function appendLogEntry(trx: Executor, entry: LogEntry): Promise<void> {
  const last = await trx
    .selectFrom('review_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('application_id', '=', entry.applicationId)
    .executeTakeFirst();
  await trx
    .insertInto('review_log')
    .values({
      application_id: entry.applicationId,
      seq: Number(last?.seq ?? 0) + 1,
      stage: entry.stage,
      action: entry.action,
      actor_account_id: entry.actorAccountId,
      actor_name: entry.actorName,
      org_kind: entry.orgKind,
      org_id: entry.orgId,
      org_name: entry.orgName,
      opinion: entry.opinion,
      state_after: JSON.stringify(entry.stateAfter),
      at: entry.at,
    })
    .execute();
}

/** Whether a desk has ever decided on the application (it then keeps seeing it, after a 重置流程 too). */
export async function hasParticipated(db: Executor, applicationId: number, orgKind: 'unit' | OrgKind, orgId: number) {
  const row = await db
    .selectFrom('review_log')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('org_kind', '=', orgKind)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

export function logOf(db: Executor, applicationId: number) {
  return db.selectFrom('review_log').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
}
