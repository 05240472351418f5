import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { StoredFileTable } from '../../db/schema';

export type StoredFileRow = Selectable<StoredFileTable>;

export function findStoredFile(db: Executor, id: number): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStoredFile(db: Executor, values: Insertable<StoredFileTable>): Promise<number> {
  const row = await db.insertInto('stored_file').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
