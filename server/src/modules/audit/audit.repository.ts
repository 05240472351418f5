import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { AuditActor } from '../../domain/actor';
import { chainHash, genesisHash } from './audit-chain';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome?: 'success' | 'failure';
  /** Never a password, a full ID number or a full phone: mask before passing. */
  detail?: Record<string, unknown>;
}

/** One advisory lock orders the chain: rows join it one at a time, in the order they commit. */
const chainLock = 0x7a68_6175; // 'zhau'

/**
 * Takes the chain's lock now, held until the transaction ends. For a change that, before its audit
 * row, locks what other appenders may be holding while they wait for the chain (a certificate number's
 * counter): taking the chain first keeps one order of locks, so two such changes cannot deadlock.
 */
export async function holdAuditChain(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${chainLock})`.execute(trx);
}

/**
 * Appends one row to the audit chain; pass the transaction of the change it records, so both land or
 * neither does. The chain's lock is held until that transaction ends: write the audit row last.
 */
export async function appendAudit(db: Executor, actor: AuditActor, at: Date, entry: AuditEntry): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendAudit(trx, actor, at, entry));
    return;
  }
  await holdAuditChain(db);
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'row_hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = {
    seq: Number(last?.seq ?? 0) + 1,
    occurredAt: at,
    actorAccountId: actor.accountId,
    actorRole: actor.kind,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    ip: actor.ip,
    outcome: entry.outcome ?? 'success',
    detail: entry.detail ?? {},
  };
  await db
    .insertInto('audit_log')
    .values({
      seq: row.seq,
      occurred_at: at,
      actor_account_id: row.actorAccountId,
      actor_role: row.actorRole,
      action: row.action,
      object_type: row.objectType,
      object_id: row.objectId,
      ip: row.ip,
      outcome: row.outcome,
      detail: JSON.stringify(row.detail),
      row_hash: chainHash(last?.row_hash ?? genesisHash, row),
    })
    .execute();
}
