import { randomUUID } from 'node:crypto';
import { defaultCertificatePattern, unitInfoBodySchema, type ReviewStage } from '#common';
import { FakeClock, beijingDay, systemClock, type Clock } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { systemActor, type ApplicantActor, type ReviewerActor, type UnitActor } from '../../domain/actor';
import { createServices, type Services } from '../../services';
import { createAdmin } from '../admin/admin.service';
import { appendAudit } from '../audit/audit.repository';
import { generatePassword } from '../auth/password-generator';
import { hashPassword } from '../auth/password-hasher';
import { createConsoleSmsProvider } from '../sms/sms.provider';
import { insertUnitWithAccount } from '../units/unit-registration.service';
import { demoCases, seedDemoApplications, type DemoStage } from './demo-applications';
import { committeeCases, seedCommitteeHistory, seedCommitteeNow, type CommitteeStage } from './demo-committee';
import { createDemoExperts } from './demo-experts';
import { sampleFile } from './demo-files';
import { demoApplicant, demoColleagues, insertDemoPerson } from './demo-people';
import {
  actorOf,
  findReferenceIds,
  insertDemoCredentials,
  listDemoCredentials,
  skipFirstPasswordChange,
  type DemoCredential,
} from './demo.repository';

const day = 24 * 3600_000;

/**
 * Demo data for the embedded database, made once with fresh random passwords: an admin, a unit with its
 * people, the organisations of its review route (a supervising department, the county and city HR
 * bureaus of 昆明市五华区, an archives committee with a batch open now and the province bureau that
 * confirms its results) and a reviewer for each, the committee's 专家库 with two expert accounts, and
 * applications at every stage of that route, from the desks through the meetings, the 公示 and the
 * bureau's 确认 to a certificate, so that every account has work. The credentials are printed and shown
 * on the login page: only ever in demo mode, never in production.
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
 * Everything goes through the services the pages call, on a clock that moves on step by step: the review
 * log, the audit trail, the notices and the rows agree, and the times read as if people had done the
 * work. The story starts 40 days ago: the committee's first meeting, its 公示 (5 working days, more
 * around holidays) and the bureau's 确认 lie weeks back; the rest happens over the last two days, so
 * that the second 公示 is open now and a meeting is voting.
 */
async function createDemo(db: Db, config: Config, clock: Clock): Promise<void> {
  const now = clock.now();
  const story = new FakeClock(new Date(now.getTime() - 40 * day));
  // The seed's own services: their captcha takes a code only the seed knows, for the demo's objections.
  const captchaCode = randomUUID();
  const services = createServices(
    db,
    story,
    { ...config, captchaTestCode: captchaCode },
    {
      smsProvider: createConsoleSmsProvider(db, story, () => undefined),
      storage: undefined,
    },
  );
  const world = await createDemoWorld(db, services, story, now);
  const stage: DemoStage = { ...world, ...(await findReferenceIds(db)), services, clock: story };
  const experts = await createDemoExperts(db, services.committeeWork.experts, story, world.office, world.unit);
  // Weeks ago: the applications that went on to the meetings, the first meeting, its 公示 and the 确认.
  const applications = await seedDemoApplications(stage, committeeCases);
  const work = services.committeeWork;
  const committee: CommitteeStage = { ...world, db, work, clock: story, experts, applications, captchaCode };
  await seedCommitteeHistory(committee);
  const lastTwoDays = new Date(now.getTime() - 2 * day);
  if (story.now() >= lastTwoDays) throw new Error('演示数据：评委会的第一次会议到确认超过了预定的时间');
  story.set(lastTwoDays);
  await insertDemoCredentials(db, await seedCommitteeNow(committee));
  await seedDemoApplications(stage, demoCases);
}

async function createDemoWorld(
  db: Db,
  services: Services,
  clock: FakeClock,
  realNow: Date,
): Promise<
  Pick<DemoStage, 'batchId' | 'unitName' | 'people' | 'desks'> & {
    year: number;
    unit: { id: number; name: string };
    office: ReviewerActor;
    bureau: ReviewerActor;
  }
> {
  const start = clock.now();
  const credentials: DemoCredential[] = [];

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
  const provinceId = await organisations.saveHrBureau(systemActor, {
    name: '云南省人力资源和社会保障厅',
    regionCode: '530000',
  });
  const committeeId = await organisations.saveCommittee(systemActor, {
    name: '云南省档案系列职称评审委员会（演示）',
    seriesCode: 'archives',
    titleLevels: ['junior', 'intermediate', 'associateSenior', 'senior'],
    printFromStage: 'committeeCheck',
    pdfWithAttachments: false,
    // It reviews in the system: meetings, 公示, and the province bureau's 确认 (docs/committee-work.md).
    confirmingBureauId: String(provinceId),
    officeReview: true,
    groupReview: true,
    quorumShare: { num: 2, den: 3 },
    passShare: { num: 2, den: 3 },
    noticeWorkingDays: 5,
    certificatePattern: defaultCertificatePattern,
    notice: '演示评委会：网报时间内可提交申报。',
  });
  const year = Number(beijingDay(realNow).slice(0, 4));
  const batchId = await organisations.saveBatch(systemActor, committeeId, {
    year,
    opensAt: new Date(start.getTime() - day).toISOString(),
    closesAt: new Date(realNow.getTime() + 60 * day).toISOString(),
    correctionClosesAt: null,
    notice: '',
  });
  const reviewers: Partial<Record<ReviewStage, ReviewerActor>> = {};
  for (const [stage, orgKind, orgId, username, note] of [
    ['supervisorReview', 'supervisor', supervisorId, 'demo-supervisor', '审核用户：主管部门'],
    ['countyBureauReview', 'hrBureau', countyId, 'demo-county', '审核用户：五华区人社局'],
    ['cityBureauReview', 'hrBureau', cityId, 'demo-city', '审核用户：昆明市人社局'],
    ['committeeCheck', 'committee', committeeId, 'demo-committee', '审核用户：评委会'],
    ['confirmation', 'hrBureau', provinceId, 'demo-province', '审核用户：省人社厅（评审结果确认）'],
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
    return { unitId, unitAccountId, applicantAccountId, colleagueIds };
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
  const committee = reviewers.committeeCheck!;
  return {
    batchId: String(batchId),
    unitName,
    people,
    // The committee office decides at its three desks; the meeting, the 公示 and the bureau decide after.
    desks: {
      ...reviewers,
      unitReview: unit,
      provinceBureauReview: undefined,
      officeReview: committee,
      groupReview: committee,
      meeting: undefined,
      publicNotice: undefined,
      confirmation: undefined,
    } as DemoStage['desks'],
    year,
    unit: { id: accounts.unitId, name: unitName },
    office: committee,
    bureau: reviewers.confirmation!,
  };
}
