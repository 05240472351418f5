import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import {
  sampleForm,
  sampleRequiredCategories as requiredCategories,
} from '../common/src/application/forms/archives.sample';
import {
  CAPTCHA,
  E2E_ADMIN,
  dialog,
  idNumberFor,
  openMenu,
  replaceTemporaryPassword,
  submitLogin,
  tableRow,
  uniquePhone,
  waitForSmsCode,
  outbox,
  registerUnitViaApi,
  smsCaptcha,
  type TestUnit,
} from './support';

/**
 * The review journeys' API helpers: sessions of the admin, a unit and applicants, a submitted application
 * (its form filled through the API), and the desk's 审核 steps in the page.
 */
export const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
});

export type Json = Record<string, any>;

/** An API session of one account: JSON calls with the CSRF token, and multipart uploads. */
export interface Api {
  get(path: string): Promise<Json>;
  /** The status and body, whatever they are. */
  attempt(method: 'POST' | 'PUT', path: string, data: unknown): Promise<{ status: number; body: Json }>;
  send(method: 'POST' | 'PUT', path: string, data: unknown, expected?: number): Promise<Json>;
  upload(path: string, name: string): Promise<Json>;
}

export async function apiSession(request: APIRequestContext): Promise<Api> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    async get(path) {
      const response = await request.get(path);
      expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
      return (await response.json()) as Json;
    },
    async attempt(method, path, data) {
      const response = await request.fetch(path, { method, headers, data });
      return { status: response.status(), body: (await response.json()) as Json };
    },
    async send(method, path, data, expected) {
      const response = await request.fetch(path, { method, headers, data });
      if (expected !== undefined)
        expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(expected);
      else expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
      return (await response.json()) as Json;
    },
    async upload(path, name) {
      const response = await request.post(path, { headers, multipart: { file: pdf(name) } });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
      return (await response.json()) as Json;
    },
  };
}

export async function captchaId(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/captcha')).json()) as { captchaId: string }).captchaId;
}

export async function login(
  request: APIRequestContext,
  kind: 'unit' | 'applicant' | 'reviewer',
  username: string,
  password: string,
): Promise<Api> {
  const api = await apiSession(request);
  await api.send(
    'POST',
    '/api/auth/login',
    { kind, username, password, captchaId: await captchaId(request), captchaCode: CAPTCHA },
    200,
  );
  // The session (and its CSRF token) is new after login.
  return apiSession(request);
}

export async function adminLogin(request: APIRequestContext): Promise<Api> {
  const api = await apiSession(request);
  await api.send(
    'POST',
    '/api/auth/admin-login',
    {
      username: E2E_ADMIN.username,
      password: E2E_ADMIN.password,
      captchaId: await captchaId(request),
      captchaCode: CAPTCHA,
    },
    200,
  );
  return apiSession(request);
}

/**
 * An archives committee for `titleLevels` with this year's batch, open since yesterday for 30 days;
 * `settings` adds to its body (e.g. `confirmingBureauId`, for the committee's own review in the system).
 */
export async function openCommittee(
  admin: Api,
  name: string,
  titleLevels: string[] = ['intermediate'],
  settings: Record<string, unknown> = {},
): Promise<{ committeeId: string; batchId: string; year: number }> {
  const committee = await admin.send(
    'POST',
    '/api/admin/committees',
    { name, seriesCode: 'archives', titleLevels, printFromStage: 'committeeCheck', notice: '', ...settings },
    201,
  );
  const now = Date.now();
  const year = new Date().getFullYear();
  const batch = await admin.send(
    'POST',
    `/api/admin/committees/${committee.id}/batches`,
    {
      year,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      notice: '',
    },
    201,
  );
  return { committeeId: String(committee.id), batchId: String(batch.id), year };
}

/** The HR bureau of a region: made now, or the one another journey made already (409). */
export async function hrBureau(admin: Api, name: string, regionCode: string): Promise<string> {
  const made = await admin.attempt('POST', '/api/admin/hr-bureaus', { name, regionCode });
  if (made.status === 201) return String(made.body.id);
  expect(made.status, JSON.stringify(made.body)).toBe(409);
  const all = (await admin.get('/api/admin/hr-bureaus')) as unknown as { id: string; regionCode: string }[];
  const found = all.find((b) => b.regionCode === regionCode);
  expect(found, `the HR bureau of ${regionCode}`).toBeTruthy();
  return found!.id;
}

/** A 审核用户 of an organisation, made by the admin; its one-time password. */
export async function reviewerAccount(
  admin: Api,
  orgKind: string,
  orgId: string,
  username: string,
  displayName = `审核员${username}`,
): Promise<string> {
  const created = await admin.send('POST', '/api/admin/reviewers', { orgKind, orgId, username, displayName }, 201);
  return created.temporaryPassword as string;
}

/** The ids of 档案系列 馆员 and of the specialty 档案学, as 申报信息 chooses them. */
export async function archivistChoices(admin: Api): Promise<{ titleId: string; specialtyId: string }> {
  const series = (await admin.get('/api/series')) as unknown as {
    code: string;
    titles: { id: string; name: string }[];
  }[];
  const titleId = series.find((s) => s.code === 'archives')!.titles.find((t) => t.name === '馆员')!.id;
  const specialties = (await admin.get(`/api/specialties?keyword=${encodeURIComponent('档案学')}`)) as unknown as {
    id: string;
    pathName: string;
  }[];
  const specialtyId = specialties.find((s) => s.pathName === '管理学—图书情报与档案管理—档案学')!.id;
  return { titleId, specialtyId };
}

/** A registered 县区级 unit with 单位信息 complete in `regionCode`, signed in through the API. */
export async function readyUnit(browser: Browser, unit: TestUnit, regionCode: string) {
  const unitContext = await browser.newContext();
  await registerUnitViaApi(unitContext.request, unit);
  const unitApi = await login(unitContext.request, 'unit', unit.creditCode, unit.password);
  const license = await unitApi.upload('/api/units/me/license', '营业执照.pdf');
  await unitApi.send(
    'PUT',
    '/api/units/me/info',
    {
      licenseFileId: license.id,
      nature: 'institution',
      level: 'county',
      regionCode,
      contactName: '张联系',
      contactPhone: '0874-3112233',
    },
    200,
  );
  return { unitContext, unitApi };
}

/** The API suites' sample form, with this journey's 工作单位 and a signature at the start of the year. */
export const completeForm = (year: number, name: string): Record<string, unknown> =>
  sampleForm(year, name, { organisation: '麒麟区档案馆', signedAt: `${year}-01-02` });

export { requiredCategories };

export interface Person {
  name: string;
  idNumber: string;
  password: string;
  api: Api;
  applicationId: string;
}

/** A person of the unit registers, chooses it, fills the form and submits it (the editor has its own journey). */
export async function submittedApplication(
  browser: Browser,
  choices: { unitName: string; batchId: string; titleId: string; specialtyId: string; year: number },
  name: string,
  birth: string,
): Promise<Person> {
  const context = await browser.newContext();
  const request = context.request;
  const anonymous = await apiSession(request);
  const phone = uniquePhone();
  const before = (await outbox(request, phone)).length;
  await anonymous.send('POST', '/api/sms/codes', { phone, purpose: 'applicantRegister', ...smsCaptcha() }, 200);
  const smsCode = await waitForSmsCode(request, phone, before);
  const idNumber = idNumberFor(birth, '530302');
  const password = `Ap@${birth.slice(2)}xy`;
  await anonymous.send(
    'POST',
    '/api/applicants/register',
    { name, idNumber, phone, smsCode, password, confirmPassword: password },
    201,
  );
  const api = await login(request, 'applicant', idNumber, password);

  const units = (await api.get(
    `/api/applicants/unit-search?keyword=${encodeURIComponent(choices.unitName)}`,
  )) as unknown as { unitId: string }[];
  await api.send('POST', '/api/applicants/me/unit', { unitId: units[0]!.unitId }, 200);
  const created = await api.send(
    'POST',
    '/api/applications',
    {
      kind: 'evaluation',
      batchId: choices.batchId,
      titleId: choices.titleId,
      specialtyStudiedId: choices.specialtyId,
      specialtyPractisedId: choices.specialtyId,
    },
    201,
  );
  const id = String(created.id);
  let version = (await api.get(`/api/applications/${id}`)).version as number;
  for (const [table, data] of Object.entries(completeForm(choices.year, name))) {
    version = (await api.send('PUT', `/api/applications/${id}/tables/${table}`, { version, data }, 200))
      .version as number;
  }
  for (const category of requiredCategories)
    await api.upload(`/api/applications/${id}/attachments/${category}`, `${category}.pdf`);
  version = (await api.get(`/api/applications/${id}`)).version as number;
  await api.send('POST', `/api/applications/${id}/submit`, { version }, 200);
  return { name, idNumber, password, api, applicationId: id };
}

/** A 审核用户 logs in with the one-time password, replaces it and opens 申报审核. */
export async function reviewerDesk(
  browser: Browser,
  username: string,
  temporaryPassword: string,
  orgName: string,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await submitLogin(page, '审核用户', username, temporaryPassword);
  await replaceTemporaryPassword(page, '审核用户', username, temporaryPassword, `Rev#${username.slice(-6)}ok`);
  await expect(page).toHaveURL(/#\/reviewer\/home$/);
  await expect(page.getByTestId('org-name')).toHaveText(orgName);
  await openMenu(page, '申报审核');
  return page;
}

/** Checks the rows of a list, then 审核 → 审核结果 and 审核意见 → 提交 (the caller checks the outcome). */
export async function decide(
  page: Page,
  testId: string,
  names: string[],
  action: string,
  opinion: string,
): Promise<void> {
  for (const name of names) await tableRow(page, testId, name).locator('.el-checkbox').click();
  await expect(page.getByTestId('selected-count')).toHaveText(`已勾选 ${names.length} 人`);
  await page.getByRole('button', { name: '审核', exact: true }).click();
  await submitDecision(page, names, action, opinion);
}

export async function submitDecision(page: Page, names: string[], action: string, opinion: string): Promise<void> {
  const box = dialog(page, '审核');
  await expect(box.getByTestId('decision-targets')).toHaveText(names.join('、'));
  await box
    .locator('.el-radio')
    .filter({ hasText: new RegExp(`^${action}$`) })
    .click();
  if (opinion) await box.getByLabel('审核意见').fill(opinion);
  await box.getByRole('button', { name: '提交' }).click();
}
