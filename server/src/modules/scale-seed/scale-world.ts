import { defaultCertificatePattern, type UnitLevel } from '#common';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { systemActor } from '../../domain/actor';
import type { Services } from '../../services';
import { insertAccounts, insertUnnest } from './bulk-insert';
import { insertUnits } from './scale-units';

/** A desk of the generated province: who signs in there, and the organisation it decides for. */
export interface ScaleDesk {
  holder: 'unit' | 'supervisor' | 'hrBureau' | 'committee';
  orgId: number;
  orgName: string;
  accountId: number;
  /** The sign-in name: a reviewer's user name, a unit's credit code. */
  username: string;
  /** An HR bureau's region (the one bureau of it). */
  regionCode?: string;
}

export interface ScaleUnit {
  id: number;
  accountId: number;
  name: string;
  creditCode: string;
  level: UnitLevel;
  regionCode: string;
  supervisorId: number;
}

export interface ScaleWorld {
  year: number;
  committeeId: number;
  batchId: number;
  provinceBureauId: number;
  /** Every reviewer desk (bureaus, supervisors, the committee); units sign in as themselves. */
  desks: ScaleDesk[];
  units: ScaleUnit[];
}

const day = 24 * 3600_000;

/** Yunnan's regions from the dictionary: the province, its 16 prefectures and their counties. */
async function yunnanRegions(db: Db) {
  const rows = await db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('code', 'like', '53%')
    .orderBy('code')
    .execute();
  return {
    cities: rows.filter((r) => r.level === 'city'),
    counties: rows.filter((r) => r.level === 'county'),
  };
}

/** Reviewer accounts in bulk, all with the one password hash the seed was given. */
async function insertReviewers(
  db: Db,
  now: Date,
  passwordHash: string,
  orgs: Omit<ScaleDesk, 'accountId'>[],
): Promise<ScaleDesk[]> {
  const ids = await insertAccounts(
    db,
    orgs.map((o) => ({ kind: 'reviewer', loginName: o.username, displayName: o.orgName, phone: null })),
    passwordHash,
    now,
  );
  await insertUnnest(
    db,
    'reviewer',
    [
      ['account_id', 'int'],
      ['org_kind', 'text'],
      ['supervisor_id', 'int'],
      ['hr_bureau_id', 'int'],
      ['committee_id', 'int'],
    ],
    orgs.map((o, i) => [
      ids[i],
      o.holder,
      o.holder === 'supervisor' ? o.orgId : null,
      o.holder === 'hrBureau' ? o.orgId : null,
      o.holder === 'committee' ? o.orgId : null,
    ]),
  );
  return orgs.map((o, i) => ({ ...o, accountId: ids[i]! }));
}

async function insertOrgs(
  db: Db,
  table: 'hr_bureau' | 'supervisor',
  now: Date,
  orgs: { name: string; region: string }[],
) {
  return insertUnnest(
    db,
    table,
    [
      ['name', 'text'],
      ['region_code', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    orgs.map((o) => [o.name, o.region, now, now]),
    'id',
  );
}

/**
 * The organisations of a province: its HR bureaus (province, every prefecture and county), a
 * supervising department per region and ten of the province's own, the archives committee reviewing
 * in the system (meetings, 公示, the province bureau's 确认) with this year's batch open, a reviewer
 * account for each, and `unitCount` units with complete 单位信息 and an approved supervisor: four in
 * five at county level, the rest at prefecture and province level.
 */
export async function createScaleWorld(
  db: Db,
  services: Services,
  clock: Clock,
  options: { unitCount: number; passwordHash: string },
): Promise<ScaleWorld> {
  const now = clock.now();
  const year = now.getUTCFullYear();
  const { cities, counties } = await yunnanRegions(db);
  const bureauNames = [
    { name: '云南省人力资源和社会保障厅', region: '530000' },
    ...cities.map((c) => ({ name: `${c.name}人力资源和社会保障局`, region: c.code })),
    ...counties.map((c) => ({ name: `${c.name}人力资源和社会保障局（${c.code}）`, region: c.code })),
  ];
  const bureauIds = await insertOrgs(db, 'hr_bureau', now, bureauNames);
  const supervisorNames = [
    ...Array.from({ length: 10 }, (_, i) => ({ name: `云南省直属主管部门${i + 1}`, region: '530000' })),
    ...cities.map((c) => ({ name: `${c.name}档案局（${c.code}）`, region: c.code })),
    ...counties.map((c) => ({ name: `${c.name}档案局（${c.code}）`, region: c.code })),
  ];
  const supervisorIds = await insertOrgs(db, 'supervisor', now, supervisorNames);

  const committeeId = await services.organisations.saveCommittee(systemActor, {
    name: '云南省档案系列职称评审委员会',
    seriesCode: 'archives',
    titleLevels: ['junior', 'intermediate', 'associateSenior', 'senior'],
    printFromStage: 'committeeCheck',
    pdfWithAttachments: false,
    confirmingBureauId: String(bureauIds[0]),
    officeReview: true,
    groupReview: true,
    quorumShare: { num: 2, den: 3 },
    passShare: { num: 2, den: 3 },
    noticeWorkingDays: 5,
    certificatePattern: defaultCertificatePattern,
    notice: '',
  });
  const batchId = await services.organisations.saveBatch(systemActor, committeeId, {
    year,
    opensAt: new Date(now.getTime() - 90 * day).toISOString(),
    closesAt: new Date(now.getTime() + 30 * day).toISOString(),
    correctionClosesAt: null,
    notice: '',
  });

  const desks = await insertReviewers(db, now, options.passwordHash, [
    ...bureauNames.map((b, i) => ({
      holder: 'hrBureau' as const,
      orgId: bureauIds[i]!,
      orgName: b.name,
      username: `scale-hr-${b.region}`,
      regionCode: b.region,
    })),
    ...supervisorNames.map((s, i) => ({
      holder: 'supervisor' as const,
      orgId: supervisorIds[i]!,
      orgName: s.name,
      username: `scale-supervisor-${i + 1}`,
    })),
    { holder: 'committee', orgId: committeeId, orgName: '云南省档案系列职称评审委员会', username: 'scale-committee' },
  ]);
  const supervisorOf = new Map(supervisorNames.map((s, i) => [s.region, supervisorIds[i]!]));
  const units = await insertUnits(db, now, options, {
    cities,
    counties,
    supervisorOf,
    provinceSupervisors: supervisorIds.slice(0, 10),
  });
  return { year, committeeId, batchId, provinceBureauId: bureauIds[0]!, desks, units };
}
