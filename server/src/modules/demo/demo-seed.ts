import { defaultCertificatePattern, unitInfoBodySchema, type AccountKind, type ReviewStage } from '#common';
import { FakeClock, beijingDay, systemClock, type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import {
  systemActor,
  type Actor,
  type ApplicantActor,
  type DeskActor,
  type ReviewerActor,
  type UnitActor,
} from '../../domain/actor';
import { createServices, type Services } from '../../services';
import { createAdmin } from '../admin/admin.service';
import { appendAudit } from '../audit/audit.repository';
import { findAccountById } from '../auth/account.repository';
import { resolveActor } from '../auth/actor-directory';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { createConsoleSmsProvider } from '../sms/sms.provider';
import { insertUnitWithAccount } from '../units/unit-registration.service';
import { seedDemoApplications, type DemoStage } from './demo-applications';
import { sampleFile } from './demo-files';
import { demoApplicant, demoColleagues, insertDemoPerson } from './demo-people';
import {
  findReferenceIds,
  insertDemoCredentials,
  listDemoCredentials,
  skipFirstPasswordChange,
} from './demo.repository';

const day = 24 * 3600_000;
type Credential = { kind: AccountKind; username: string; password: string; note: string };

/**
 * Demo data for the embedded database, made once with fresh random passwords: an admin, a unit with its
 * people, the organisations of its review route (a supervising department, the county and city HR
 * bureaus of 昆明市五华区, an archives committee with a batch open now) and a reviewer for each, and
 * applications at every stage of that route, so that every desk has work. The credentials are printed
 * and shown on the login page: only ever in demo mode, never in production.
 */
export async function seedDemoData(
  db: Db,
  print: (line: string) => void,
  options: { config: Config; clock?: Clock },
): Promise<void> {
  const existing = await listDemoCredentials(db);
  if (existing.length === 0) await createDemo(db, options.config, options.clock ?? systemClock);
  const credentials = await listDemoCredentials(db);
  print('\n演示模式（仅内嵌数据库、非生产环境）— 演示账号:');
  for (const c of credentials) print(`  ${c.note}: ${c.username} / ${c.password}`);
  print('');
}

/**
 * Everything goes through the services the pages call, on a clock that starts two days ago and moves
 * on step by step: the review log, the audit trail, the notices and the rows agree, and the desks'
 * times read as if people had done the work.
 */
async function createDemo(db: Db, config: Config, clock: Clock): Promise<void> {
  const now = clock.now();
  const story = new FakeClock(new Date(now.getTime() - 2 * day));
  const services = createServices(db, story, config, {
    smsProvider: createConsoleSmsProvider(db, story, () => undefined),
    storage: undefined,
  });
  const world = await createDemoWorld(db, services, story, now);
  const ids = await findReferenceIds(db);
  await seedDemoApplications({ ...world, ...ids, services, clock: story });
}

async function actorOf<A extends Actor>(db: Db, accountId: number): Promise<A> {
  return (await resolveActor(db, (await findAccountById(db, accountId))!, null)) as A;
}

async function createDemoWorld(
  db: Db,
  services: Services,
  clock: FakeClock,
  realNow: Date,
): Promise<Pick<DemoStage, 'batchId' | 'unitName' | 'people' | 'desks'>> {
  const start = clock.now();
  const credentials: Credential[] = [];

  const adminPassword = generatePassword();
  await createAdmin(db, clock, 'demo-admin', adminPassword);
  credentials.push({
    kind: 'admin',
    username: 'demo-admin',
    password: adminPassword,
    note: '平台管理员（#/admin/login）',
  });

  const { organisations } = services;
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
    pdfWithAttachments: false,
    confirmingBureauId: null,
    quorumShare: { num: 2, den: 3 },
    passShare: { num: 2, den: 3 },
    noticeWorkingDays: 5,
    certificatePattern: defaultCertificatePattern,
    notice: '演示评委会：网报时间内可提交申报。',
  });
  const batchId = await organisations.saveBatch(systemActor, committeeId, {
    year: Number(beijingDay(realNow).slice(0, 4)),
    opensAt: new Date(start.getTime() - day).toISOString(),
    closesAt: new Date(realNow.getTime() + 60 * day).toISOString(),
    correctionClosesAt: null,
    notice: '',
  });
  const reviewers: Partial<Record<ReviewStage, DeskActor>> = {};
  for (const [stage, orgKind, orgId, username, note] of [
    ['supervisorReview', 'supervisor', supervisorId, 'demo-supervisor', '审核用户：主管部门'],
    ['countyBureauReview', 'hrBureau', countyId, 'demo-county', '审核用户：五华区人社局'],
    ['cityBureauReview', 'hrBureau', cityId, 'demo-city', '审核用户：昆明市人社局'],
    ['committeeCheck', 'committee', committeeId, 'demo-committee', '审核用户：评委会'],
  ] as const) {
    const { accountId, temporaryPassword } = await organisations.createReviewer(systemActor, {
      orgKind,
      orgId: String(orgId),
      username,
      displayName: note.replace('审核用户：', ''),
    });
    await skipFirstPasswordChange(db, accountId);
    reviewers[stage] = await actorOf<ReviewerActor>(db, accountId);
    credentials.push({
      kind: 'reviewer',
      username,
      password: temporaryPassword,
      note: `${note}（登录页选【审核用户】）`,
    });
  }

  const unitName = '演示单位（树袋家文化艺术中心）';
  const unitPassword = generatePassword();
  const applicantPassword = generatePassword();
  const colleagues = Object.entries(demoColleagues);
  const [unitHash, applicantHash, ...colleagueHashes] = await Promise.all(
    [unitPassword, applicantPassword, ...colleagues.map(() => generatePassword())].map(hashPassword),
  );
  const accounts = await db.transaction().execute(async (trx) => {
    const { unitId, accountId: unitAccountId } = await insertUnitWithAccount(trx, start, {
      unitName,
      creditCode: 'SGSR20260000000001',
      contactName: '张联系',
      phone: '13800000001',
      passwordHash: unitHash!,
    });
    const applicantAccountId = await insertDemoPerson(trx, demoApplicant, unitId, applicantHash!, start);
    const colleagueIds: Record<string, number> = {};
    for (const [i, [key, who]] of colleagues.entries()) {
      colleagueIds[key] = await insertDemoPerson(trx, who, unitId, colleagueHashes[i]!, start);
    }
    await appendAudit(trx, systemActor, start, {
      action: 'demo.seed',
      objectType: 'unit',
      objectId: unitId,
      detail: { unitAccountId, applicantAccountId, colleagues: Object.values(colleagueIds) },
    });
    return { unitAccountId, applicantAccountId, colleagueIds };
  });
  credentials.unshift(
    {
      kind: 'applicant',
      username: demoApplicant.idNumber,
      password: applicantPassword,
      note: '个人用户（登录页选【个人用户】）',
    },
    { kind: 'unit', username: 'SGSR20260000000001', password: unitPassword, note: '单位用户（登录页选【单位用户】）' },
  );

  // The unit completes 单位信息 and chooses its supervising department, which approves: as on their pages.
  clock.advanceMinutes(30);
  const unit = await actorOf<UnitActor>(db, accounts.unitAccountId);
  const licence = await services.unitInfo.uploadLicense(unit, {
    originalName: '营业执照.pdf',
    content: await sampleFile('演示材料：营业执照'),
  });
  await services.unitInfo.update(
    unit,
    unitInfoBodySchema.parse({
      licenseFileId: licence.id,
      nature: 'nonPublic',
      level: 'county',
      regionCode: '530102',
      contactName: '张联系',
      contactPhone: '13800000001',
      address: '昆明市五华区演示路1号',
    }),
  );
  await services.supervision.add(unit, supervisorId);
  clock.advanceMinutes(45);
  const supervisor = reviewers.supervisorReview as ReviewerActor;
  const [request] = (await services.supervision.desk(supervisor, { page: 1, pageSize: 10, status: 'pending' })).items;
  await services.supervision.decide(supervisor, Number(request!.id), 'approve', '');
  await insertDemoCredentials(db, credentials);

  const people = { applicant: await actorOf<ApplicantActor>(db, accounts.applicantAccountId) } as DemoStage['people'];
  for (const [key, accountId] of Object.entries(accounts.colleagueIds)) {
    people[key as keyof typeof demoColleagues] = await actorOf<ApplicantActor>(db, accountId);
  }
  return {
    batchId: String(batchId),
    unitName,
    people,
    desks: { ...reviewers, unitReview: unit, provinceBureauReview: undefined } as DemoStage['desks'],
  };
}
