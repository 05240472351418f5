import type { WorkflowActor } from '#common';
import type { Db } from '../../db/database';
import type { AccountRow } from '../../db/schema';
import { reviewerOrg } from '../organisations/organisation.repository';
import type { ApplicationRow } from './application.service';

/** The signed-in account as the workflow sees it: which unit or organisation it speaks for. */
export async function workflowActorOf(
  db: Db,
  account: AccountRow,
  application?: ApplicationRow,
): Promise<WorkflowActor> {
  switch (account.kind) {
    case 'applicant':
      return { kind: 'applicant', accountId: account.id, owns: application?.applicant_account_id === account.id };
    case 'unit': {
      const unit = await db.selectFrom('unit').select('id').where('account_id', '=', account.id).executeTakeFirst();
      return { kind: 'unit', accountId: account.id, unitId: unit?.id ?? -1 };
    }
    case 'reviewer': {
      const org = await reviewerOrg(db, account.id);
      return org
        ? { kind: 'reviewer', accountId: account.id, orgKind: org.orgKind, orgId: org.orgId }
        : { kind: 'admin', accountId: -1 };
    }
    case 'admin':
      return { kind: 'admin', accountId: account.id };
  }
}

/**
 * Who may see an application: its applicant; its unit once it has been submitted; a reviewer whose
 * organisation is on its route and whom it has reached (now or before), or who has decided on it
 * (`participated`, which outlives a 重置流程). Nobody else, admin included.
 */
export function mayView(row: ApplicationRow, actor: WorkflowActor, participated = false): boolean {
  switch (actor.kind) {
    case 'applicant':
      return actor.owns;
    case 'unit':
      return row.unit_id === actor.unitId && row.submitted_at !== null;
    case 'reviewer': {
      if (participated) return true;
      if (!row.route || row.stage_index === null) return false;
      const reached = row.stage_index;
      return row.route.some(
        (step, index) => index <= reached && step.holder === actor.orgKind && step.orgId === actor.orgId,
      );
    }
    case 'admin':
      return false;
  }
}
