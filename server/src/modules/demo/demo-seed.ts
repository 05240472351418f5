import { beijingDay, systemClock, type Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { AccountKind } from '#common';
import { createAdmin } from '../admin/admin.service';
import { appendAudit } from '../audit/audit.repository';
import { systemActor } from '../../domain/actor';
import { insertApplicant } from '../applicants/applicant.repository';
import { insertAccount } from '../auth/account.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { createOrganisationService } from '../organisations/organisation.service';
import { insertUnitWithAccount } from '../units/unit-registration.service';
import {
  fillUnitInfo,
  insertApprovedSupervisor,
  insertDemoCredentials,
  listDemoCredentials,
  skipFirstPasswordChange,
} from './demo.repository';

/**
 * Demo data for the embedded database, made once with fresh random passwords: an admin, a unit, an
 * applicant of that unit, the organisations of its review route (a supervising department, the
 * county and city HR bureaus of 昆明市五华区, an archives committee with a batch open now) and a
 * reviewer for each. The credentials are printed and shown on the login page: only ever in demo
 * mode, never in production.
 */
export async function seedDemoData(db: Db, print: (line: string) => void, clock: Clock = systemClock): Promise<void> {
  const existing = await listDemoCredentials(db);
  if (existing.length === 0) await createDemoWorld(db, clock);
  const credentials = await listDemoCredentials(db);
  print('\n演示模式（仅内嵌数据库、非生产环境）— 演示账号:');
  for (const c of credentials) print(`  ${c.note}: ${c.username} / ${c.password}`);
  print('');
}

async function createDemoWorld(db: Db, clock: Clock): Promise<void> {
  const now = clock.now();
  const credentials: { kind: AccountKind; username: string; password: string; note: string }[] = [];

  const adminPassword = generatePassword();
  await createAdmin(db, clock, 'demo-admin', adminPassword);
  credentials.push({
    kind: 'admin',
    username: 'demo-admin',
    password: adminPassword,
    note: '平台管理员（#/admin/login）',
  });

  const organisations = createOrganisationService(db, clock);
  const supervisorId = await organisations.saveSupervisor(systemActor, {
    name: '演示主管部门（五华区文化和旅游局）',
    regionCode: '530102',
  });
  const countyId = await organisations.saveHrBureau(systemActor, {
    name: '五华区人力资源和社会保障局',
    regionCode: '530102',
  });
  const cityId = await organisations.saveHrBureau(systemActor, {
    name: '昆明市人力资源和社会保障局',
    regionCode: '530100',
  });
  const committeeId = await organisations.saveCommittee(systemActor, {
    name: '云南省档案系列职称评审委员会（演示）',
    seriesCode: 'archives',
    titleLevels: ['junior', 'intermediate', 'associateSenior', 'senior'],
    printFromStage: 'committeeCheck',
    notice: '演示评委会：网报时间内可提交申报。',
  });
  await organisations.saveBatch(systemActor, committeeId, {
    year: Number(beijingDay(now).slice(0, 4)),
    opensAt: new Date(now.getTime() - 24 * 3600_000).toISOString(),
    closesAt: new Date(now.getTime() + 60 * 24 * 3600_000).toISOString(),
    correctionClosesAt: null,
    notice: '',
  });
  for (const [orgKind, orgId, username, note] of [
    ['supervisor', supervisorId, 'demo-supervisor', '审核用户：主管部门'],
    ['hrBureau', countyId, 'demo-county', '审核用户：五华区人社局'],
    ['hrBureau', cityId, 'demo-city', '审核用户：昆明市人社局'],
    ['committee', committeeId, 'demo-committee', '审核用户：评委会'],
  ] as const) {
    const { accountId, temporaryPassword } = await organisations.createReviewer(systemActor, {
      orgKind,
      orgId: String(orgId),
      username,
      displayName: note.replace('审核用户：', ''),
    });
    await skipFirstPasswordChange(db, accountId);
    credentials.push({
      kind: 'reviewer',
      username,
      password: temporaryPassword,
      note: `${note}（登录页选【审核用户】）`,
    });
  }

  const unitPassword = generatePassword();
  const applicantPassword = generatePassword();
  const [unitHash, applicantHash] = await Promise.all([hashPassword(unitPassword), hashPassword(applicantPassword)]);
  await db.transaction().execute(async (trx) => {
    const { unitId, accountId: unitAccountId } = await insertUnitWithAccount(trx, now, {
      unitName: '演示单位（树袋家文化艺术中心）',
      creditCode: 'SGSR20260000000001',
      contactName: '张联系',
      phone: '13800000001',
      passwordHash: unitHash,
    });
    await fillUnitInfo(trx, unitId, {
      nature: 'nonPublic',
      level: 'county',
      region_code: '530102',
      address: '昆明市五华区演示路1号',
    });
    await insertApprovedSupervisor(trx, unitId, supervisorId, now);
    const applicantAccountId = await insertAccount(trx, {
      kind: 'applicant',
      login_name: '11010519491231002X',
      display_name: '王伟（演示）',
      phone: '13800000002',
      password_hash: applicantHash,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    await insertApplicant(trx, {
      account_id: applicantAccountId,
      name: '王伟（演示）',
      id_number: '11010519491231002X',
      gender: 'female',
      birth_date: '1949-12-31',
      unit_id: unitId,
      unit_joined_at: now,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, systemActor, now, {
      action: 'demo.seed',
      objectType: 'unit',
      objectId: unitId,
      detail: { unitAccountId, applicantAccountId },
    });
    credentials.unshift(
      {
        kind: 'applicant',
        username: '11010519491231002X',
        password: applicantPassword,
        note: '个人用户（登录页选【个人用户】）',
      },
      {
        kind: 'unit',
        username: 'SGSR20260000000001',
        password: unitPassword,
        note: '单位用户（登录页选【单位用户】；请先上传营业执照完善单位信息）',
      },
    );
    await insertDemoCredentials(trx, credentials);
  });
}
