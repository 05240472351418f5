import { createHash } from 'node:crypto';
import { creditCodeCheckCharacter, type UnitLevel } from '#common';
import type { Db } from '../../db/database';
import { personalData } from '../../db/personal-data';
import { insertAccounts, insertUnnest } from './bulk-insert';
import type { ScaleUnit } from './scale-world';

export type Region = { code: string; name: string; parent_code: string | null };

/** The county a unit's 行政区域 names (manual §2.2: always a county): its own, or one of its city's. */
function countyOf(level: UnitLevel, region: Region, counties: Region[], i: number): string {
  if (level === 'county') return region.code;
  const city = level === 'province' ? '530100' : region.code;
  const inCity = counties.filter((c) => c.parent_code === city);
  return inCity[i % inCity.length]!.code;
}

/**
 * `unitCount` units with complete 单位信息 (a licence on file, the region down to a county) and an
 * approved supervisor: four in five at county level, the rest at prefecture and province level.
 */
export async function insertUnits(
  db: Db,
  now: Date,
  options: { unitCount: number; passwordHash: string },
  regions: { cities: Region[]; counties: Region[]; supervisorOf: Map<string, number>; provinceSupervisors: number[] },
): Promise<ScaleUnit[]> {
  const data = personalData(db);
  const planned = Array.from({ length: options.unitCount }, (_, i) => {
    const level: UnitLevel = i % 20 === 0 ? 'province' : i % 20 < 4 ? 'city' : 'county';
    const region =
      level === 'province'
        ? { code: '530000', name: '云南省', parent_code: null }
        : level === 'city'
          ? regions.cities[i % regions.cities.length]!
          : regions.counties[i % regions.counties.length]!;
    const first17 = `12${region.code}${String(i).padStart(9, '0')}`;
    const supervisorId =
      level === 'province'
        ? regions.provinceSupervisors[i % regions.provinceSupervisors.length]!
        : regions.supervisorOf.get(region.code)!;
    return {
      name: `${region.name}第${i + 1}档案服务中心`,
      creditCode: first17 + creditCodeCheckCharacter(first17)!,
      level,
      regionCode: countyOf(level, region, regions.counties, i),
      supervisorId,
      phone: data.phone(`138${String(i).padStart(8, '0')}`),
    };
  });
  const accountIds = await insertAccounts(
    db,
    planned.map((u) => ({ kind: 'unit', loginName: u.creditCode, displayName: u.name, phone: u.phone })),
    options.passwordHash,
    now,
  );
  // The 营业执照/法人证书 each unit keeps on file (metadata only: nothing reads the bytes).
  const licenceIds = await insertUnnest(
    db,
    'stored_file',
    [
      ['storage_key', 'text'],
      ['original_name', 'text'],
      ['content_type', 'text'],
      ['size_bytes', 'int'],
      ['sha256', 'text'],
      ['owner_account_id', 'int'],
      ['purpose', 'text'],
      ['created_at', 'timestamptz'],
    ],
    planned.map((u, i) => [
      `scale/unit/${u.creditCode}/licence`,
      '事业单位法人证书.pdf',
      'application/pdf',
      240_000 + i,
      createHash('sha256').update(u.creditCode).digest('hex'),
      accountIds[i],
      'unitLicense',
      now,
    ]),
    'id',
  );
  const unitIds = await insertUnnest(
    db,
    'unit',
    [
      ['account_id', 'int'],
      ['name', 'text'],
      ['credit_code', 'text'],
      ['contact_name', 'text'],
      ['contact_phone', 'text'],
      ['contact_phone_hash', 'text'],
      ['nature', 'text'],
      ['level', 'text'],
      ['region_code', 'text'],
      ['address', 'text'],
      ['license_file_id', 'int'],
      ['info_updated_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    planned.map((u, i) => [
      accountIds[i],
      u.name,
      u.creditCode,
      '人事专员',
      u.phone.sealed,
      u.phone.key,
      'institution',
      u.level,
      u.regionCode,
      `${u.name}办公楼`,
      licenceIds[i],
      now,
      now,
      now,
    ]),
    'id',
  );
  await insertUnnest(
    db,
    'unit_supervisor',
    [
      ['unit_id', 'int'],
      ['supervisor_id', 'int'],
      ['is_default', 'bool'],
      ['status', 'text'],
      ['submitted_at', 'timestamptz'],
      ['decided_at', 'timestamptz'],
    ],
    planned.map((u, i) => [unitIds[i], u.supervisorId, true, 'approved', now, now]),
  );
  return planned.map((u, i) => ({
    id: unitIds[i]!,
    accountId: accountIds[i]!,
    name: u.name,
    creditCode: u.creditCode,
    level: u.level,
    regionCode: u.regionCode,
    supervisorId: u.supervisorId,
  }));
}
