import { creditCodeCheckCharacter, idNumberCheckCharacter } from '#common';
import { personalData } from '../server/src/db/personal-data';
import { createAdmin } from '../server/src/modules/admin/admin.service';
import {
  sampleForm as completeForm,
  sampleRequiredCategories as requiredCategories,
  type SampleOptions,
} from '#common';
import type { Agent, TestContext } from './test-app';

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1000) * 1000;

/** A credit code with a correct GB 32100 check character, different on every call. */
export function makeCreditCode(): string {
  const first17 = `91530100${String(next()).padStart(9, '0')}`;
  return first17 + creditCodeCheckCharacter(first17)!;
}

export function makePhone(): string {
  return `139${String(next()).padStart(8, '0')}`;
}

export const goodPassword = 'Yunnan#2026a';
export const otherPassword = 'Kunming@2027b';

/** The newest code the console provider “sent” to a phone. */
export async function lastSmsCode(ctx: TestContext, phone: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('sms_outbox')
    .select('content')
    .where('phone_hash', '=', personalData(ctx.db).phoneKey(phone))
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return /(\d{6})/.exec(row.content)![1]!;
}

export async function sendSms(ctx: TestContext, agent: Agent, phone: string, purpose: string) {
  const res = await agent.requestSmsCode({ phone, purpose });
  return res;
}

/** A unit registered through the API, as a person would: SMS code first, then the form. */
export async function registerUnit(ctx: TestContext, overrides: Partial<Record<string, string>> = {}) {
  const agent = ctx.agent();
  const phone = overrides.phone ?? makePhone();
  const creditCode = overrides.creditCode ?? makeCreditCode();
  const sms = await agent.requestSmsCode({ phone, purpose: 'unitRegister' });
  if (sms.status !== 200) throw new Error(`sms: ${JSON.stringify(sms.body)}`);
  ctx.clock.advance(61_000);
  const body = {
    unitName: overrides.unitName ?? `测试单位${creditCode.slice(-6)}`,
    creditCode,
    contactName: '张三',
    phone,
    smsCode: await lastSmsCode(ctx, phone),
    password: overrides.password ?? goodPassword,
    confirmPassword: overrides.password ?? goodPassword,
  };
  const res = await agent.post('/api/units/register', body);
  if (res.status !== 201) throw new Error(`register: ${JSON.stringify(res.body)}`);
  const account = await ctx.db
    .selectFrom('account')
    .select('id')
    .where('login_name', '=', creditCode)
    .executeTakeFirstOrThrow();
  return { ...body, unitId: Number(res.body.unitId), accountId: account.id };
}

export async function loggedInUnit(ctx: TestContext) {
  const unit = await registerUnit(ctx);
  const agent = ctx.agent();
  const res = await agent.login('unit', unit.creditCode, unit.password);
  if (res.status !== 200) throw new Error(`login: ${JSON.stringify(res.body)}`);
  return { unit, agent };
}

export async function loggedInAdmin(ctx: TestContext, username = `admin${next()}`) {
  await createAdmin(ctx.db, ctx.clock, username, goodPassword);
  const agent = ctx.agent();
  const res = await agent.adminLogin(username, goodPassword);
  if (res.status !== 200) throw new Error(`admin login: ${JSON.stringify(res.body)}`);
  return { agent, username };
}

export async function auditRows(ctx: TestContext, action: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** A minimal valid PDF of one blank A4 page, recognised by its bytes. */
export const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG picture. */
export const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d8b5b80000000049454e44ae426082',
  'hex',
);
/** The start of a Windows executable, whatever it is named. */
export const exeBytes = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(64, 0),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

export function multipart(filename: string, content: Buffer, contentType = 'application/pdf') {
  const boundary = `----zc${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadLicense(agent: Agent, filename = '营业执照.pdf', content: Buffer = pdfBytes) {
  return agent.request({ method: 'POST', url: '/api/units/me/license', ...multipart(filename, content) });
}

/** A unit whose 单位信息 is complete: a licence, 事业单位, 县区级, in 昆明市五华区 unless told otherwise. */
export async function unitWithInfo(ctx: TestContext, info: Partial<Record<string, string>> = {}) {
  const { unit, agent } = await loggedInUnit(ctx);
  const license = await uploadLicense(agent);
  const res = await agent.request({
    method: 'PUT',
    url: '/api/units/me/info',
    payload: {
      licenseFileId: license.body.id,
      nature: 'institution',
      level: 'county',
      regionCode: '530102',
      contactName: '张三',
      contactPhone: '0871-63112233',
      ...info,
    },
  });
  if (res.status !== 200) throw new Error(`unit info: ${JSON.stringify(res.body)}`);
  return { unit, agent };
}

export async function adminCreates(admin: Agent, path: string, body: object): Promise<string> {
  const res = await admin.post(path, body);
  if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A reviewer of an organisation, logged in, past the first-login password change. */
export async function loggedInReviewer(
  ctx: TestContext,
  admin: Agent,
  orgKind: 'supervisor' | 'hrBureau' | 'committee',
  orgId: string,
) {
  const username = `rev${next()}`;
  const created = await admin.post('/api/admin/reviewers', {
    orgKind,
    orgId,
    username,
    displayName: `审核员${username}`,
  });
  if (created.status !== 201) throw new Error(`reviewer: ${JSON.stringify(created.body)}`);
  const agent = ctx.agent();
  await agent.login('reviewer', username, created.body.temporaryPassword);
  const changed = await agent.post('/api/account/password', {
    oldPassword: created.body.temporaryPassword,
    newPassword: goodPassword,
    confirmNewPassword: goodPassword,
    captchaId: await agent.captcha(),
    captchaCode: 'test',
  });
  if (changed.status !== 200) throw new Error(`reviewer password: ${JSON.stringify(changed.body)}`);
  return { agent, username, accountId: Number(created.body.accountId) };
}

/** An ID number with a correct check character, born 1990-01-01 unless told, male unless told. */
export function makeIdNumber(birth = '19900101', gender: 'male' | 'female' = 'male'): string {
  const seq = String((next() % 500) * 2 + (gender === 'male' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `530102${birth}${seq}`;
  return first17 + idNumberCheckCharacter(first17)!;
}

export async function registerApplicant(ctx: TestContext, overrides: Partial<Record<string, string>> = {}) {
  const agent = ctx.agent();
  const phone = overrides.phone ?? makePhone();
  const sms = await agent.requestSmsCode({ phone, purpose: 'applicantRegister' });
  if (sms.status !== 200) throw new Error(`sms: ${JSON.stringify(sms.body)}`);
  const body = {
    name: overrides.name ?? `申报人${String(next()).slice(-4)}`,
    idNumber: overrides.idNumber ?? makeIdNumber(),
    phone,
    smsCode: await lastSmsCode(ctx, phone),
    password: goodPassword,
    confirmPassword: goodPassword,
  };
  const res = await agent.post('/api/applicants/register', body);
  if (res.status !== 201) throw new Error(`applicant: ${JSON.stringify(res.body)}`);
  return { ...body, accountId: Number(res.body.accountId) };
}

export async function loggedInApplicant(
  ctx: TestContext,
  unitId?: number,
  overrides: Partial<Record<string, string>> = {},
) {
  const person = await registerApplicant(ctx, overrides);
  const agent = ctx.agent();
  const res = await agent.login('applicant', person.idNumber, person.password);
  if (res.status !== 200) throw new Error(`applicant login: ${JSON.stringify(res.body)}`);
  if (unitId !== undefined) {
    const chose = await agent.post('/api/applicants/me/unit', { unitId: String(unitId) });
    if (chose.status !== 200) throw new Error(`choose unit: ${JSON.stringify(chose.body)}`);
  }
  return { person, agent };
}

export { completeForm, requiredCategories };

/** A new draft (职称评审, the archives 馆员 title) in the world's batch; its id. */
export async function createDraft(
  agent: Agent,
  world: { batchId: string },
  choices: { titleId: string; specialtyId: string },
): Promise<string> {
  const created = await agent.post('/api/applications', {
    kind: 'evaluation',
    batchId: world.batchId,
    titleId: choices.titleId,
    specialtyStudiedId: choices.specialtyId,
    specialtyPractisedId: choices.specialtyId,
  });
  if (created.status !== 201) throw new Error(`draft: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** Saves every table and uploads one PDF per required category; returns the application's version. */
export async function fillApplication(
  agent: Agent,
  id: string,
  year: number,
  name: string,
  options: SampleOptions = {},
): Promise<number> {
  let version = (await agent.get(`/api/applications/${id}`)).body.version as number;
  for (const [table, data] of Object.entries(completeForm(year, name, options))) {
    const res = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/${table}`,
      payload: { version, data },
    });
    if (res.status !== 200) throw new Error(`${table}: ${JSON.stringify(res.body)}`);
    version = res.body.version;
  }
  const categories = options.everyTable ? [...requiredCategories, 'project', 'patent', 'award'] : requiredCategories;
  for (const category of categories) {
    const res = await agent.request({
      method: 'POST',
      url: `/api/applications/${id}/attachments/${category}`,
      ...multipart(`${category}.pdf`, pdfBytes),
    });
    if (res.status !== 201) throw new Error(`${category}: ${JSON.stringify(res.body)}`);
  }
  return (await agent.get(`/api/applications/${id}`)).body.version as number;
}

/** The reference ids an application needs: the archives 馆员 title and a level-3 specialty. */
export async function archivesChoices(ctx: TestContext) {
  const title = await ctx.db.selectFrom('title').select('id').where('name', '=', '馆员').executeTakeFirstOrThrow();
  const specialty = await ctx.db
    .selectFrom('specialty')
    .select('id')
    .where('path_name', '=', '管理学—图书情报与档案管理—档案学')
    .executeTakeFirstOrThrow();
  return { titleId: String(title.id), specialtyId: String(specialty.id) };
}

/** The organisations a route needs, with an archives committee whose batch is open at the fake clock. */
export async function reviewWorld(ctx: TestContext, admin: Agent) {
  const now = ctx.clock.now();
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const committeeId = await adminCreates(admin, '/api/admin/committees', {
    name: `档案系列评委会${next()}`,
    seriesCode: 'archives',
    titleLevels: ['junior', 'intermediate', 'associateSenior', 'senior'],
    printFromStage: 'committeeCheck',
  });
  const batchId = await adminCreates(admin, `/api/admin/committees/${committeeId}/batches`, {
    year,
    opensAt: new Date(now.getTime() - 24 * 3600_000).toISOString(),
    closesAt: new Date(now.getTime() + 20 * 24 * 3600_000).toISOString(),
  });
  return { committeeId, batchId, year };
}

/** A person of the unit with an application (职称评审, 馆员) filled and submitted to the unit's desk. */
export async function submittedApplication(
  ctx: TestContext,
  unitId: number,
  world: { batchId: string; year: number },
  choices: { titleId: string; specialtyId: string },
) {
  const { person, agent } = await loggedInApplicant(ctx, unitId);
  const id = await createDraft(agent, world, choices);
  const version = await fillApplication(agent, id, world.year, person.name);
  const res = await agent.post(`/api/applications/${id}/submit`, { version });
  if (res.status !== 200) throw new Error(`submit: ${JSON.stringify(res.body)}`);
  return { person, applicant: agent, id };
}
