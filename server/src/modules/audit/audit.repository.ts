import type { Executor } from '../../db/database';
import type { AuditActor } from '../../domain/actor';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome?: 'success' | 'failure';
  /** Never a password, a full ID number or a full phone: mask before passing. */
  detail?: Record<string, unknown>;
}

/** Appends one row; pass the transaction of the change it records, so both land or neither does. */
export async function appendAudit(db: Executor, actor: AuditActor, at: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      occurred_at: at,
      actor_account_id: actor.accountId,
      actor_role: actor.kind,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId === undefined ? null : String(entry.objectId),
      ip: actor.ip,
      outcome: entry.outcome ?? 'success',
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
