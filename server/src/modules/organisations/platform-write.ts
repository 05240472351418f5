import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import { uniqueViolation } from '../../db/unique-violation';
import type { AdminActor, AuditActor } from '../../domain/actor';
import { AppError, forbidden } from '../../domain/app-error';
import { appendAudit, type AuditEntry } from '../audit/audit.repository';

/** Who sets up organisations and their reviewers: the platform admin, or the system seeding the demo world. */
export type PlatformActor = AdminActor | AuditActor;

export function assertPlatform(actor: PlatformActor): void {
  if (actor.kind !== 'admin' && actor.kind !== 'system') throw forbidden();
}

/** Runs a write with its audit row, and turns a broken unique constraint into a message a clerk understands. */
export async function audited<T>(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  duplicate: string,
  write: (trx: Executor, now: Date) => Promise<{ result: T; audit: AuditEntry }>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const { result, audit } = await write(trx, now);
      await appendAudit(trx, actor, now, audit);
      return result;
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw new AppError('CONFLICT', duplicate);
    throw error;
  }
}
