import { creditCodeCheckCharacter, type UnitLevel } from '#common';
import type { Db } from '../../db/database';
import { personalData } from '../../db/personal-data';
import { insertUnnest } from './bulk-insert';
import type { ScaleUnit } from './scale-world';

type Region = { code: string; name: string };

/** The province's units, in bulk: complete 单位信息, an approved default supervisor, the seed's password. */

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
        ? { code: '530000', name: '云南省' }
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
      regionCode: region.code,
      supervisorId,
      phone: data.phone(`138${String(i).padStart(8, '0')}`),
    };
  });
  const accountIds = await insertUnnest(
    db,
    'account',
    [
      ['kind', 'text'],
      ['login_name', 'text'],
      ['display_name', 'text'],
      ['phone', 'text'],
      ['phone_hash', 'text'],
      ['password_hash', 'text'],
      ['password_changed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    planned.map((u) => [
      'unit',
      u.creditCode,
      u.name,
      u.phone.sealed,
      u.phone.key,
      options.passwordHash,
      now,
      now,
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
