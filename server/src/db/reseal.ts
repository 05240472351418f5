import { sql, type RawBuilder } from 'kysely';
import { sealedPrefix } from '../crypto/field-cipher';
import type { Db } from './database';
import { cipherOf, normaliseIdNumber } from './personal-data';

/** Every column that holds an ID or phone number (or a TOTP secret) at rest, with the digest beside it. */
interface SealedColumn {
  table: 'account' | 'unit' | 'applicant' | 'sms_code' | 'sms_outbox' | 'two_factor';
  id: 'id' | 'account_id';
  column: string;
  /** The digest column; none for a person's login name (their ID number, found through applicant). */
  hash: string | null;
  normalise: (plain: string) => string;
  /** Rows of the table the column is sealed in (a login name only for a person). */
  only?: RawBuilder<unknown>;
}

const phone = (v: string) => v.trim();
const sealedColumns: SealedColumn[] = [
  { table: 'account', id: 'id', column: 'phone', hash: 'phone_hash', normalise: phone },
  {
    table: 'account',
    id: 'id',
    column: 'login_name',
    hash: null,
    normalise: normaliseIdNumber,
    only: sql<boolean>`kind = 'applicant'`,
  },
  { table: 'unit', id: 'id', column: 'contact_phone', hash: 'contact_phone_hash', normalise: phone },
  { table: 'applicant', id: 'account_id', column: 'id_number', hash: 'id_number_hash', normalise: normaliseIdNumber },
  { table: 'sms_code', id: 'id', column: 'phone', hash: 'phone_hash', normalise: phone },
  { table: 'sms_outbox', id: 'id', column: 'phone', hash: 'phone_hash', normalise: phone },
  // Not a person's number, but a secret sealed with the same keys: it moves with them.
  { table: 'two_factor', id: 'account_id', column: 'secret', hash: null, normalise: (v) => v },
];

/**
 * - encrypt: values still in plain text (rows from before encryption) are sealed and get their digest;
 * - reencrypt: every value not sealed under the first key of FIELD_ENCRYPTION_KEYS is sealed under it;
 * - rehash: every digest is computed again under FIELD_HASH_KEY (after it changed).
 */
export type ResealMode = 'encrypt' | 'reencrypt' | 'rehash';

const batchSize = 500;

/**
 * Goes through the rows in batches, one transaction each, and only ever replaces a value that is still
 * the one it read: a change made meanwhile by a running server is kept, not overwritten. Run again, it
 * finds nothing more to do. Answers how many values it changed, by `table.column`.
 */
export async function reseal(db: Db, mode: ResealMode): Promise<Record<string, number>> {
  const cipher = cipherOf(db);
  const changed: Record<string, number> = {};
  for (const target of sealedColumns) {
    if (mode === 'rehash' && target.hash === null) continue;
    const col = sql.ref(target.column);
    const id = sql.ref(target.id);
    const due =
      mode === 'encrypt'
        ? sql`${col} not like ${`${sealedPrefix}%`}`
        : mode === 'reencrypt'
          ? sql`${col} not like ${`${sealedPrefix}${cipher.currentKeyId}:%`}`
          : sql`true`;
    let count = 0;
    let after: number | null = null;
    for (;;) {
      const { rows } = await sql<{ key: number; value: string }>`
        select ${id} as key, ${col} as value from ${sql.table(target.table)}
        where ${col} is not null and ${due} and ${target.only ?? sql`true`}
          and ${after === null ? sql`true` : sql`${id} > ${after}`}
        order by ${id} limit ${batchSize}`.execute(db);
      if (rows.length === 0) break;
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          const wasSealed = row.value.startsWith(sealedPrefix);
          const plain = target.normalise(wasSealed ? cipher.open(row.value) : row.value);
          const set = [];
          if (mode !== 'rehash' || !wasSealed) set.push(sql`${col} = ${cipher.seal(plain)}`);
          if (target.hash) set.push(sql`${sql.ref(target.hash)} = ${cipher.digest(plain)}`);
          const done = await sql`
            update ${sql.table(target.table)} set ${sql.join(set)}
            where ${id} = ${row.key} and ${col} = ${row.value}`.execute(trx);
          count += Number(done.numAffectedRows ?? 0);
        }
      });
      after = rows.at(-1)!.key;
    }
    if (count > 0) changed[`${target.table}.${target.column}`] = count;
  }
  return changed;
}
