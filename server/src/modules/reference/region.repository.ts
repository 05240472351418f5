import type { Executor } from '../../db/database';
import type { RegionTable } from '../../db/schema';

export function findRegion(db: Executor, code: string): Promise<RegionTable | undefined> {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}

export function childRegions(db: Executor, parentCode: string | null): Promise<RegionTable[]> {
  return db
    .selectFrom('region')
    .selectAll()
    .where('parent_code', parentCode === null ? 'is' : '=', parentCode)
    .orderBy('code')
    .execute();
}

/** The codes from the province down to `code`, for a cascader's value. */
export async function regionPath(db: Executor, code: string): Promise<string[]> {
  const path: string[] = [];
  let current = await findRegion(db, code);
  while (current) {
    path.unshift(current.code);
    current = current.parent_code ? await findRegion(db, current.parent_code) : undefined;
  }
  return path;
}
