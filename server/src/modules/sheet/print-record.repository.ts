import type { Executor } from '../../db/database';

export function findPrintRecord(db: Executor, applicationId: number, digest: string) {
  return db
    .selectFrom('print_record')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('digest', '=', digest)
    .executeTakeFirst();
}

/** The record of this content, made on its first printing (a second server printing it at once agrees). */
export async function printRecordFor(
  trx: Executor,
  values: { applicationId: number; digest: string; formVersion: number; code: string; at: Date },
) {
  await trx
    .insertInto('print_record')
    .values({
      code: values.code,
      application_id: values.applicationId,
      digest: values.digest,
      form_version: values.formVersion,
      first_printed_at: values.at,
    })
    .onConflict((oc) => oc.columns(['application_id', 'digest']).doNothing())
    .execute();
  return (await findPrintRecord(trx, values.applicationId, values.digest))!;
}

export function printRecordByCode(db: Executor, code: string) {
  return db.selectFrom('print_record').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The stage from which the committee lets its applications' forms be printed. */
export async function committeePrintFacts(db: Executor, committeeId: number) {
  return db
    .selectFrom('committee')
    .select(['name', 'print_from_stage', 'pdf_with_attachments'])
    .where('id', '=', committeeId)
    .executeTakeFirst();
}
