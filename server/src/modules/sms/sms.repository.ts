import { sql } from 'kysely';
import type { SmsPurpose } from '#common';
import type { Executor } from '../../db/database';
import { openColumns, personalData } from '../../db/personal-data';

/** Serialises the sends to one phone, and from one address, until the end of the transaction. */
export async function lockSender(trx: Executor, phone: string, ip: string): Promise<void> {
  // Always in this order, so that two sends never wait for each other's second lock.
  await sql`select pg_advisory_xact_lock(hashtext(${`sms:${phone}`}))`.execute(trx);
  await sql`select pg_advisory_xact_lock(hashtext(${`sms-ip:${ip}`}))`.execute(trx);
}

export function lastCodeSentTo(db: Executor, phone: string) {
  return db
    .selectFrom('sms_code')
    .select('created_at')
    .where('phone_hash', '=', personalData(db).phoneKey(phone))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function codesSentSince(
  db: Executor,
  by: { phone: string } | { ip: string },
  since: Date,
): Promise<number> {
  const { sent } = await db
    .selectFrom('sms_code')
    .select((eb) => eb.fn.countAll<number>().as('sent'))
    .where((eb) =>
      'phone' in by ? eb('phone_hash', '=', personalData(db).phoneKey(by.phone)) : eb('requested_ip', '=', by.ip),
    )
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(sent);
}

export async function insertCode(
  db: Executor,
  code: { phone: string; purpose: SmsPurpose; codeHash: string; createdAt: Date; expiresAt: Date; ip: string },
): Promise<number> {
  const phone = personalData(db).phone(code.phone);
  const row = await db
    .insertInto('sms_code')
    .values({
      phone: phone.sealed,
      phone_hash: phone.key,
      purpose: code.purpose,
      code_hash: code.codeHash,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
      requested_ip: code.ip,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteCode(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('sms_code').where('id', '=', id).execute();
}

/** The newest code of a phone for a purpose that is neither used nor expired. */
export function findLiveCode(db: Executor, phone: string, purpose: SmsPurpose, now: Date) {
  return db
    .selectFrom('sms_code')
    .select(['id', 'code_hash', 'failed_attempts'])
    .where('phone_hash', '=', personalData(db).phoneKey(phone))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Takes one of a code's tries before the code is compared, in one statement: of any number of parallel
 * guesses at most `maxAttempts` are ever compared. The tries taken so far, or null when none is left.
 */
export async function takeAttempt(db: Executor, id: number, maxAttempts: number): Promise<number | null> {
  const row = await db
    .updateTable('sms_code')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .where('failed_attempts', '<', maxAttempts)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? null;
}

/** Gives back the try of a code that was right: only wrong codes count. */
export async function returnAttempt(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('sms_code')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '-', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Marks a code used; false when it already was (a parallel use got there first). */
export async function markCodeUsed(db: Executor, id: number, at: Date): Promise<boolean> {
  const used = await db
    .updateTable('sms_code')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

export async function insertOutboxMessage(
  db: Executor,
  message: { phone: string; content: string; provider: string; createdAt: Date },
): Promise<void> {
  const phone = personalData(db).phone(message.phone);
  await db
    .insertInto('sms_outbox')
    .values({
      phone: phone.sealed,
      phone_hash: phone.key,
      content: message.content,
      provider: message.provider,
      created_at: message.createdAt,
    })
    .execute();
}

/** The newest 50 messages of the development outbox, of one phone or all. */
export async function recentOutboxMessages(db: Executor, phone: string | undefined) {
  let q = db.selectFrom('sms_outbox').select(['phone', 'content', 'created_at']).orderBy('id', 'desc').limit(50);
  if (phone) q = q.where('phone_hash', '=', personalData(db).phoneKey(phone));
  return openColumns(db, await q.execute(), ['phone']);
}
