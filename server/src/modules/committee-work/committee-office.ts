import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import type { Actor, AuditActor, ReviewerActor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/app-error';
import { appendAudit, type AuditEntry } from '../audit/audit.repository';

/** A reviewer of a committee: its office keeps the pool, runs the meetings and the 公示. */
export type OfficeActor = ReviewerActor & { orgKind: 'committee' };

export function committeeOffice(actor: Actor): OfficeActor {
  if (actor.kind !== 'reviewer' || actor.orgKind !== 'committee') throw forbidden('只有评委会办公室可以办理');
  return actor as OfficeActor;
}

/**
 * Runs one piece of committee work in a transaction with its audit row; a broken unique constraint
 * becomes `duplicate`, a clerk's message.
 */
export async function inTransaction<T>(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  work: (trx: Executor, now: Date) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
  duplicate = '记录已存在',
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const { result, audit } = await work(trx, now);
      for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(trx, actor, now, entry);
      return result;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', duplicate);
    throw error;
  }
}
