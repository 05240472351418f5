import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { CertificateTable } from '../../db/schema';

export type CertificateRow = Selectable<CertificateTable>;
/** A certificate with the name of the committee that issued it. */
export type IssuedCertificate = CertificateRow & { committee_name: string };

const withCommittee = (db: Executor) =>
  db
    .selectFrom('certificate')
    .innerJoin('committee', 'committee.id', 'certificate.committee_id')
    .selectAll('certificate')
    .select('committee.name as committee_name');

export function certificateOfApplication(db: Executor, applicationId: number): Promise<IssuedCertificate | undefined> {
  return withCommittee(db).where('certificate.application_id', '=', applicationId).executeTakeFirst();
}

/** The certificate locked for the rest of the transaction: two revocations wait for each other. */
export function lockCertificate(trx: Executor, id: number): Promise<CertificateRow | undefined> {
  return trx.selectFrom('certificate').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findCertificate(db: Executor, id: number): Promise<IssuedCertificate | undefined> {
  return withCommittee(db).where('certificate.id', '=', id).executeTakeFirst();
}

/** The public check finds a certificate only by its number and its holder's name together. */
export function certificateByNumberAndName(db: Executor, number: string, holderName: string) {
  return db
    .selectFrom('certificate')
    .select(['number', 'holder_name', 'series_name', 'title_name', 'title_level', 'qualified_on', 'revoked_at'])
    .where('number', '=', number)
    .where('holder_name', '=', holderName)
    .executeTakeFirst();
}

/** What issuing needs of the committee: its pattern of numbers. */
export function committeeCertificatePattern(db: Executor, committeeId: number) {
  return db
    .selectFrom('committee')
    .select(['id', 'certificate_pattern'])
    .where('id', '=', committeeId)
    .executeTakeFirst();
}

/**
 * The next sequence number of a stem, 1 for a new one. The upsert locks the counter's row until the
 * transaction ends, so concurrent issuers of one stem take their numbers one after the other (on
 * PostgreSQL; the embedded database runs one transaction at a time anyway).
 */
export async function nextSequence(trx: Executor, stem: string): Promise<number> {
  const row = await trx
    .insertInto('certificate_counter')
    .values({ stem, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('stem').doUpdateSet((eb) => ({ last_seq: eb('certificate_counter.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export async function numberTaken(db: Executor, number: string): Promise<boolean> {
  return (
    (await db.selectFrom('certificate').select('id').where('number', '=', number).executeTakeFirst()) !== undefined
  );
}

export function insertCertificate(trx: Executor, values: Insertable<CertificateTable>): Promise<CertificateRow> {
  return trx.insertInto('certificate').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function revokeCertificate(
  trx: Executor,
  id: number,
  revocation: { at: Date; reason: string; accountId: number },
): Promise<void> {
  await trx
    .updateTable('certificate')
    .set({ revoked_at: revocation.at, revoked_reason: revocation.reason, revoked_by_account_id: revocation.accountId })
    .where('id', '=', id)
    .execute();
}
