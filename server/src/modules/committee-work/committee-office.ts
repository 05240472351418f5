import type { Clock } from '../../clock';
import type { Db, Executor } from '../../db/database';
import type { Actor, AuditActor, ReviewerActor } from '../../domain/actor';
import { forbidden } from '../../domain/app-error';
import type { AuditEntry } from '../audit/audit.repository';
import { audited } from '../organisations/platform-write';

/** A reviewer of a committee: its office keeps the pool, runs the meetings and the 公示. */
export type OfficeActor = ReviewerActor & { orgKind: 'committee' };

export function committeeOffice(actor: Actor): OfficeActor {
  if (actor.kind !== 'reviewer' || actor.orgKind !== 'committee') throw forbidden('只有评委会办公室可以办理');
  return actor as OfficeActor;
}

/** One piece of committee work in a transaction with its audit row (`audited`); `duplicate` names a clash. */
export const inTransaction = <T>(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  work: (trx: Executor, now: Date) => Promise<{ result: T; audit: AuditEntry }>,
  duplicate = '记录已存在',
): Promise<T> => audited(db, clock, actor, duplicate, work);
