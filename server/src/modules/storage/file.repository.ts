import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { Database, StoredFileTable } from '../../db/schema';

export type StoredFileRow = Selectable<StoredFileTable>;

export function findStoredFile(db: Executor, id: number): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A file by the id the outside knows it by. */
export function findStoredFileByPublicId(db: Executor, publicId: string): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('public_id', '=', publicId).executeTakeFirst();
}

export function insertStoredFile(db: Executor, values: Insertable<StoredFileTable>) {
  return db.insertInto('stored_file').values(values).returning(['id', 'public_id']).executeTakeFirstOrThrow();
}

/** Whether a unit's licence is this file: what lets the platform open it. */
export async function isUnitLicence(db: Executor, fileId: number): Promise<boolean> {
  const row = await db.selectFrom('unit').select('id').where('license_file_id', '=', fileId).executeTakeFirst();
  return row !== undefined;
}

/** No attachment and no unit names the file. */
const unnamed = (eb: ExpressionBuilder<Database, 'stored_file'>) =>
  eb.and([
    eb.not(
      eb.exists(eb.selectFrom('attachment').select('id').whereRef('attachment.stored_file_id', '=', 'stored_file.id')),
    ),
    eb.not(eb.exists(eb.selectFrom('unit').select('id').whereRef('unit.license_file_id', '=', 'stored_file.id'))),
  ]);

/** Stored files that no attachment and no unit names, written before `before`. */
export function unreferencedFiles(db: Executor, before: Date) {
  return db.selectFrom('stored_file').select('id').where('created_at', '<', before).where(unnamed).execute();
}

/** Deletes rows that are still unnamed (an attachment made meanwhile keeps its file); how many went. */
export async function deleteStoredFiles(db: Executor, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('stored_file').where('id', 'in', ids).where(unnamed).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every storage key a row names. */
export async function storedKeys(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('stored_file').select('storage_key').execute();
  return new Set(rows.map((r) => r.storage_key));
}
