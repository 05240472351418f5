import type { Db } from '../../db/database';
import type { RegionTable } from '../../db/schema';

export function findRegion(db: Db, code: string): Promise<RegionTable | undefined> {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}

export function childRegions(db: Db, parentCode: string | null): Promise<RegionTable[]> {
  return db
    .selectFrom('region')
    .selectAll()
    .where('parent_code', parentCode === null ? 'is' : '=', parentCode)
    .orderBy('code')
    .execute();
}

/** The codes from the province down to `code`, for a cascader's value. */
export async function regionPath(db: Db, code: string): Promise<string[]> {
  const path: string[] = [];
  let current = await findRegion(db, code);
  while (current) {
    path.unshift(current.code);
    current = current.parent_code ? await findRegion(db, current.parent_code) : undefined;
  }
  return path;
}
