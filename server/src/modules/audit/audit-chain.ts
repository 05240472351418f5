import { createHash, createHmac } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/**
 * The audit chain: every audit row hashes the row before it and itself, keyed with AUDIT_CHAIN_KEY.
 * Whoever can write to the database but does not hold the key can neither change, remove nor add a row
 * without `npm run audit:verify` finding it. Without a key (development) the hash is plain SHA-256: it
 * still finds accidents, not someone who recomputes the chain.
 */
export const genesisHash = '0'.repeat(64);

/** The columns a row's hash covers, as written and as read back (jsonb reorders keys: sorted here). */
export interface ChainedRow {
  seq: number;
  occurredAt: Date;
  actorAccountId: number | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  outcome: string;
  detail: Record<string, unknown>;
}

let chainKey: Buffer | null = null;

/** Set once at start from the configuration; the same key for every server of one system. */
export function useAuditChainKey(key: Buffer | null): void {
  chainKey = key;
}

export function chainHash(previous: string, row: ChainedRow): string {
  const content = `${previous}\n${stringify([
    row.seq,
    row.occurredAt.toISOString(),
    row.actorAccountId,
    row.actorRole,
    row.action,
    row.objectType,
    row.objectId,
    row.ip,
    row.outcome,
    row.detail,
  ])}`;
  return (chainKey ? createHmac('sha256', chainKey) : createHash('sha256')).update(content).digest('hex');
}

export const chainIsKeyed = () => chainKey !== null;
