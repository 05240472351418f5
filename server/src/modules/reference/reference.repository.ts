import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { contains } from '../../db/contains';
import type { SpecialtyTable } from '../../db/schema';

export type SpecialtyRow = Pick<Selectable<SpecialtyTable>, 'id' | 'name' | 'depth' | 'parent_id' | 'path_name'>;

export function allSeries(db: Executor) {
  return db.selectFrom('series').selectAll().orderBy('sort_order').execute();
}

export function allTitles(db: Executor) {
  return db.selectFrom('title').selectAll().orderBy('sort_order').execute();
}

/** By keyword anywhere in the path, or the children of `parentId`, or (with neither) the first level. */
export function searchSpecialties(
  db: Executor,
  filter: { keyword?: string; parentId?: number; depth?: number },
): Promise<SpecialtyRow[]> {
  let q = db.selectFrom('specialty').select(['id', 'name', 'depth', 'parent_id', 'path_name']);
  if (filter.keyword) q = q.where('path_name', 'like', contains(filter.keyword));
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  else if (!filter.keyword) q = q.where('parent_id', 'is', null);
  if (filter.depth) q = q.where('depth', '=', filter.depth);
  return q.orderBy('path_name').limit(50).execute();
}

export function findSpecialty(db: Executor, id: number) {
  return db.selectFrom('specialty').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSpecialty(
  db: Executor,
  specialty: { parentId: number | null; depth: number; name: string; pathName: string; createdBy: number; at: Date },
): Promise<SpecialtyRow> {
  return db
    .insertInto('specialty')
    .values({
      parent_id: specialty.parentId,
      depth: specialty.depth,
      name: specialty.name,
      path_name: specialty.pathName,
      created_at: specialty.at,
      created_by: specialty.createdBy,
    })
    .returning(['id', 'name', 'depth', 'parent_id', 'path_name'])
    .executeTakeFirstOrThrow();
}
