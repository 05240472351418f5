import type { Executor } from '../../db/database';
import { chainHash, genesisHash } from './audit-chain';

export interface ChainProblem {
  /** changed: a row's content or hash differs from what the chain says; removed: rows missing from
   *  the chain; inserted: a row without a place in the chain, written after the chain began. */
  kind: 'changed' | 'removed' | 'inserted';
  /** The audit row's id (changed, inserted) or the missing places in the chain (removed). */
  at: string;
}

export interface ChainReport {
  rows: number;
  chained: number;
  /** Rows written before the chain began (an older installation). */
  beforeChain: number;
  oldest: Date | null;
  /** The hash of the last row: write it down elsewhere, and a later cut of the chain's end shows. */
  head: string;
  problems: ChainProblem[];
}

const pageSize = 2000;

/** Walks the whole audit log in the chain's order and recomputes every hash. */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  const report: ChainReport = { rows: 0, chained: 0, beforeChain: 0, oldest: null, head: genesisHash, problems: [] };
  const first = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('seq', 'is not', null)
    .executeTakeFirst();
  const chainStart = first?.id === null || first?.id === undefined ? null : Number(first.id);

  // Rows outside the chain: before it began, or slipped in afterwards.
  const unchained = await db.selectFrom('audit_log').select(['id', 'occurred_at']).where('seq', 'is', null).execute();
  for (const r of unchained) {
    if (chainStart !== null && Number(r.id) > chainStart) report.problems.push({ kind: 'inserted', at: String(r.id) });
    else report.beforeChain += 1;
  }

  let previous = genesisHash;
  let expected = 1;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'is not', null)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq > expected) report.problems.push({ kind: 'removed', at: `链序 ${expected}–${seq - 1}` });
      const hash = chainHash(previous, {
        seq,
        occurredAt: r.occurred_at,
        actorAccountId: r.actor_account_id,
        actorRole: r.actor_role,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        ip: r.ip,
        outcome: r.outcome,
        detail: r.detail,
      });
      // A removed row breaks its follower's hash too: say removed once, not also changed.
      if (hash !== r.row_hash && seq === expected) report.problems.push({ kind: 'changed', at: String(r.id) });
      previous = r.row_hash ?? '';
      expected = seq + 1;
      after = seq;
      report.chained += 1;
    }
    if (rows.length < pageSize) break;
  }
  const oldest = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min('occurred_at').as('at'))
    .executeTakeFirst();
  report.oldest = oldest?.at ? new Date(oldest.at) : null;
  report.rows = report.chained + unchained.length;
  report.head = previous;
  return report;
}
