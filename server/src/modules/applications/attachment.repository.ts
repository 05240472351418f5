import type { Executor } from '../../db/database';

export function attachmentCategories(db: Executor, applicationId: number) {
  return db.selectFrom('attachment').select(['category']).where('application_id', '=', applicationId).execute();
}

export function attachmentsOf(db: Executor, applicationId: number) {
  return db
    .selectFrom('attachment')
    .innerJoin('stored_file', 'stored_file.id', 'attachment.stored_file_id')
    .select([
      'attachment.id',
      'attachment.category',
      'stored_file.public_id as file_id',
      'stored_file.original_name',
      'stored_file.content_type',
      'stored_file.size_bytes',
      'stored_file.storage_key',
      'attachment.created_at',
    ])
    .where('attachment.application_id', '=', applicationId)
    .orderBy('attachment.id')
    .execute();
}

export function attachmentFile(db: Executor, applicationId: number, attachmentId: number) {
  return db
    .selectFrom('attachment')
    .innerJoin('stored_file', 'stored_file.id', 'attachment.stored_file_id')
    .select(['stored_file.storage_key', 'stored_file.content_type', 'stored_file.original_name', 'attachment.category'])
    .where('attachment.id', '=', attachmentId)
    .where('attachment.application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertAttachment(
  trx: Executor,
  values: { applicationId: number; category: string; storedFileId: number; at: Date },
): Promise<number> {
  const row = await trx
    .insertInto('attachment')
    .values({
      application_id: values.applicationId,
      category: values.category,
      stored_file_id: values.storedFileId,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function deleteAttachment(trx: Executor, applicationId: number, attachmentId: number) {
  return trx
    .deleteFrom('attachment')
    .where('id', '=', attachmentId)
    .where('application_id', '=', applicationId)
    .returning(['category', 'stored_file_id'])
    .executeTakeFirst();
}
