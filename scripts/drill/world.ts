import { creditCodeCheckCharacter, idNumberCheckCharacter } from '#common';
import { sampleForm as completeForm, sampleRequiredCategories as requiredCategories } from '#common';
import { Browser, must } from './browser';

export const captchaCode = 'drill';
export const password = 'Drill#2026pw';
/** A minimal PDF, recognised by its bytes. */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let serial = 0;
const unique = () => `${String(Date.now() % 1_000_000).padStart(6, '0')}${String(++serial).padStart(3, '0')}`;

export interface Application {
  id: string;
  applicant: Browser;
}

/** Everyone the workload acts as; sessions live in the database, so they outlive each restart. */
export interface World {
  unit: Browser;
  desks: { countyBureauReview: Browser; cityBureauReview: Browser; committeeCheck: Browser };
  applications: Application[];
  year: number;
}

async function login(browser: Browser, kind: string, username: string, secret: string, admin = false) {
  const captcha = must('captcha', await browser.get('/api/captcha'));
  const path = admin ? '/api/auth/admin-login' : '/api/auth/login';
  const body = { username, password: secret, captchaId: captcha.captchaId, captchaCode, ...(admin ? {} : { kind }) };
  must(`login ${username}`, await browser.post(path, body));
}

async function smsCode(base: string, browser: Browser, phone: string, purpose: string): Promise<string> {
  const captcha = must('captcha', await browser.get('/api/captcha'));
  must('sms', await browser.post('/api/sms/codes', { phone, purpose, captchaId: captcha.captchaId, captchaCode }));
  const outbox = must('outbox', await browser.get(`/api/dev/sms-outbox?phone=${phone}`));
  return /(\d{6})/.exec(outbox.items[0].content as string)![1]!;
}

async function reviewer(base: string, admin: Browser, orgKind: string, orgId: string): Promise<Browser> {
  const username = `drill${unique()}`;
  const created = must(
    'reviewer',
    await admin.post('/api/admin/reviewers', { orgKind, orgId, username, displayName: `演练${username}` }),
    201,
  );
  const desk = new Browser(base);
  await login(desk, 'reviewer', username, created.temporaryPassword);
  const captcha = must('captcha', await desk.get('/api/captcha'));
  must(
    'first password change',
    await desk.post('/api/account/password', {
      oldPassword: created.temporaryPassword,
      newPassword: password,
      confirmNewPassword: password,
      captchaId: captcha.captchaId,
      captchaCode,
    }),
  );
  return desk;
}

/** A unit with its 单位信息, a person of it and their complete draft, all through the API. */
async function applicantWithDraft(base: string, unitId: string, choice: Record<string, string>, year: number) {
  const browser = new Browser(base);
  const phone = `137${unique().slice(-8)}`;
  const first17 = `53010219900101${unique().slice(-3)}`;
  const idNumber = first17 + idNumberCheckCharacter(first17)!;
  const name = `演练${unique().slice(-4)}`;
  must(
    'applicant register',
    await browser.post('/api/applicants/register', {
      name,
      idNumber,
      phone,
      smsCode: await smsCode(base, browser, phone, 'applicantRegister'),
      password,
      confirmPassword: password,
    }),
    201,
  );
  await login(browser, 'applicant', idNumber, password);
  must('choose unit', await browser.post('/api/applicants/me/unit', { unitId }));
  const created = must('application', await browser.post('/api/applications', { kind: 'evaluation', ...choice }), 201);
  const id = created.id as string;
  let version = must('view', await browser.get(`/api/applications/${id}`)).version as number;
  for (const [table, data] of Object.entries(completeForm(year, name))) {
    version = must(table, await browser.put(`/api/applications/${id}/tables/${table}`, { version, data })).version;
  }
  for (const category of requiredCategories) {
    must(
      category,
      await browser.upload(`/api/applications/${id}/attachments/${category}`, `${category}.pdf`, pdf),
      201,
    );
  }
  return { id, applicant: browser };
}

export async function seedWorld(base: string, admin: { username: string; password: string }, people: number) {
  const platform = new Browser(base);
  await login(platform, 'admin', admin.username, admin.password, true);
  const create = async (path: string, body: object) => must(path, await platform.post(path, body), 201).id as string;
  const county = await create('/api/admin/hr-bureaus', { name: '五华区人社局（演练）', regionCode: '530102' });
  const city = await create('/api/admin/hr-bureaus', { name: '昆明市人社局（演练）', regionCode: '530100' });
  const committeeId = await create('/api/admin/committees', {
    name: `档案系列评委会（演练${unique()}）`,
    seriesCode: 'archives',
    titleLevels: ['junior', 'intermediate', 'associateSenior', 'senior'],
    printFromStage: 'committeeCheck',
  });
  const now = Date.now();
  const year = Number(new Date(now + 8 * 3600_000).toISOString().slice(0, 4));
  const batchId = await create(`/api/admin/committees/${committeeId}/batches`, {
    year,
    opensAt: new Date(now - 24 * 3600_000).toISOString(),
    closesAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
  });
  const desks = {
    countyBureauReview: await reviewer(base, platform, 'hrBureau', county),
    cityBureauReview: await reviewer(base, platform, 'hrBureau', city),
    committeeCheck: await reviewer(base, platform, 'committee', committeeId),
  };

  const unit = new Browser(base);
  const phone = `136${unique().slice(-8)}`;
  const first17 = `91530100${unique()}`;
  const creditCode = first17 + creditCodeCheckCharacter(first17)!;
  const registered = must(
    'unit register',
    await unit.post('/api/units/register', {
      unitName: `演练单位${unique()}`,
      creditCode,
      contactName: '演练',
      phone,
      smsCode: await smsCode(base, unit, phone, 'unitRegister'),
      password,
      confirmPassword: password,
    }),
    201,
  );
  await login(unit, 'unit', creditCode, password);
  const license = must('licence', await unit.upload('/api/units/me/license', '营业执照.pdf', pdf), 201);
  must(
    'unit info',
    await unit.put('/api/units/me/info', {
      licenseFileId: license.id,
      nature: 'institution',
      level: 'county',
      regionCode: '530102',
      contactName: '演练',
      contactPhone: '0871-63112233',
    }),
  );

  const series = must('series', await unit.get('/api/series')) as {
    code: string;
    titles: { id: string; name: string }[];
  }[];
  const titleId = series.find((s) => s.code === 'archives')!.titles.find((t) => t.name === '馆员')!.id;
  const specialties = must('specialties', await unit.get(`/api/specialties?keyword=${encodeURIComponent('档案学')}`));
  const specialtyId = (specialties as { id: string; depth: number }[]).find((s) => s.depth === 3)!.id;
  const choice = { batchId, titleId, specialtyStudiedId: specialtyId, specialtyPractisedId: specialtyId };
  const applications: Application[] = [];
  for (let i = 0; i < people; i++) {
    applications.push(await applicantWithDraft(base, registered.unitId as string, choice, year));
  }
  return { unit, desks, applications, year } satisfies World;
}
