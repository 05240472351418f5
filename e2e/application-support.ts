import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { sampleForm, sampleRequiredCategories } from '../common/src/application/forms/archives.sample';
import {
  CAPTCHA,
  E2E_ADMIN,
  idNumberFor,
  outbox,
  smsCaptcha,
  submitLogin,
  uniquePhone,
  waitForSmsCode,
} from './support';

/** Helpers of the application journeys (application-*.spec.ts). */

/** A tiny PDF (the server checks the content, not the name). */
export const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
});

/**
 * What only the platform makes, through the admin API (the admin pages have their own journey):
 * the HR bureaus of 五华区 and 昆明市 (kept when another journey made them already: 409) and an
 * archives committee with a batch open now.
 */
export async function setUpOrganisations(
  request: APIRequestContext,
  committeeName: string,
  options: { bureaus?: boolean } = {},
): Promise<{ batchId: string }> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  const captcha = (await (await request.get('/api/captcha')).json()) as { captchaId: string };
  const login = await request.post('/api/auth/admin-login', {
    headers,
    data: {
      username: E2E_ADMIN.username,
      password: E2E_ADMIN.password,
      captchaId: captcha.captchaId,
      captchaCode: CAPTCHA,
    },
  });
  expect(login.status(), await login.text()).toBe(200);
  const post = async (path: string, data: unknown, allowConflict = false) => {
    const response = await request.post(path, { headers, data });
    if (allowConflict && response.status() === 409) return null;
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as { id: string };
  };
  if (options.bureaus ?? true) {
    await post('/api/admin/hr-bureaus', { name: '五华区人力资源和社会保障局', regionCode: '530102' }, true);
    await post('/api/admin/hr-bureaus', { name: '昆明市人力资源和社会保障局', regionCode: '530100' }, true);
  }
  const committee = await post('/api/admin/committees', {
    name: committeeName,
    seriesCode: 'archives',
    titleLevels: ['intermediate', 'associateSenior'],
    printFromStage: 'committeeCheck',
    notice: '',
  });
  const now = Date.now();
  const batch = await post(`/api/admin/committees/${committee!.id}/batches`, {
    year: new Date(now).getFullYear(),
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    notice: '网报时间以通知为准',
  });
  await request.post('/api/auth/logout', { headers });
  return { batchId: batch!.id };
}

async function csrfHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return { 'x-csrf-token': session.csrfToken };
}

/** Registers a person through the API (the page itself is covered by the journeys). */
export async function registerApplicantViaApi(
  request: APIRequestContext,
  person: { name: string; idNumber: string; phone: string; password: string },
): Promise<void> {
  const headers = await csrfHeaders(request);
  const before = (await outbox(request, person.phone)).length;
  const sms = await request.post('/api/sms/codes', {
    headers,
    data: { phone: person.phone, purpose: 'applicantRegister', ...smsCaptcha() },
  });
  expect(sms.status(), await sms.text()).toBe(200);
  const smsCode = await waitForSmsCode(request, person.phone, before);
  const response = await request.post('/api/applicants/register', {
    headers,
    data: {
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      smsCode,
      password: person.password,
      confirmPassword: person.password,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A 申报评审 draft for 馆员 in `batchId`, made by the signed-in applicant of `request` (e.g. page.request). */
export async function createApplicationViaApi(request: APIRequestContext, batchId: string): Promise<string> {
  const series = (await (await request.get('/api/series')).json()) as { titles: { id: string; name: string }[] }[];
  const titleId = series.flatMap((s) => s.titles).find((t) => t.name === '馆员')!.id;
  const specialties = (await (await request.get('/api/specialties?keyword=档案学&depth=3')).json()) as { id: string }[];
  const specialtyId = specialties[0]!.id;
  const response = await request.post('/api/applications', {
    headers: await csrfHeaders(request),
    data: { kind: 'evaluation', batchId, titleId, specialtyStudiedId: specialtyId, specialtyPractisedId: specialtyId },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Types a date into an Element Plus picker (as a person may) and checks that it took. */
export async function typeDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

/** The navigation entry of a section of the 申报评审表. */
export async function openSection(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await expect(page.getByTestId(`section-${key}`)).toBeVisible();
}

export async function saveTable(page: Page, key: string): Promise<void> {
  const section = page.getByTestId(`section-${key}`);
  await section.getByRole('button', { name: '保存', exact: true }).click();
  await expect(section.getByTestId('table-save-state')).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
}

/** The option list of the select whose input is `input` (its own dropdown, not one still fading out). */
export async function optionOf(page: Page, input: Locator, name: string | RegExp): Promise<Locator> {
  const listId = await input.getAttribute('aria-controls');
  return page.locator(`[id="${listId}"]`).getByRole('option', { name, exact: typeof name === 'string' });
}

/** Opens the select of an input labelled `label` (e.g. a cell of 表十一) and picks an option. */
export async function pickInSelect(page: Page, input: Locator, name: string | RegExp): Promise<void> {
  const wrapper = input.locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]');
  await wrapper.click();
  await (await optionOf(page, input, name)).click();
  await expect(wrapper).toContainText(name);
}

export async function pickSpecialty(
  page: Page,
  scope: Locator,
  label: string,
  keyword: string,
  pathName: string,
): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(keyword);
  await (await optionOf(page, input, pathName)).click();
  await expect(input.locator('xpath=ancestor::div[contains(@class, "el-select__wrapper")]')).toContainText(pathName);
}

/** A signed-in API client (its own cookies) for a unit or an applicant, with the CSRF header on every change. */
export interface ApiClient {
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'post' | 'put', path: string, data: unknown, expected?: number) => Promise<T>;
  upload: <T>(path: string, file: ReturnType<typeof pdf>) => Promise<T>;
}

export async function apiClient(request: APIRequestContext): Promise<ApiClient> {
  const headers = await csrfHeaders(request);
  return {
    async get<T>(path: string) {
      const response = await request.get(path);
      expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
      return (await response.json()) as T;
    },
    async send<T>(method: 'post' | 'put', path: string, data: unknown, expected = 200) {
      const response = await request[method](path, { headers, data });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(expected);
      return (await response.json()) as T;
    },
    async upload<T>(path: string, file: ReturnType<typeof pdf>) {
      const response = await request.post(path, { headers, multipart: { file } });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
      return (await response.json()) as T;
    },
  };
}

/** Logs a unit in on an API context and completes its 单位信息 (事业单位, 县区级, 五华区). */
export async function completeUnitViaApi(
  request: APIRequestContext,
  unit: { creditCode: string; password: string; contactName: string; phone: string },
): Promise<ApiClient> {
  const headers = await csrfHeaders(request);
  const captcha = (await (await request.get('/api/captcha')).json()) as { captchaId: string };
  const login = await request.post('/api/auth/login', {
    headers,
    data: {
      kind: 'unit',
      username: unit.creditCode,
      password: unit.password,
      captchaId: captcha.captchaId,
      captchaCode: CAPTCHA,
    },
  });
  expect(login.status(), await login.text()).toBe(200);
  const api = await apiClient(request);
  const licence = await api.upload<{ id: string }>('/api/units/me/license', pdf('营业执照.pdf'));
  await api.send('put', '/api/units/me/info', {
    licenseFileId: licence.id,
    nature: 'institution',
    level: 'county',
    regionCode: '530102',
    contactName: unit.contactName,
    contactPhone: unit.phone,
  });
  return api;
}

/** Every table of a 馆员 application filled as 提交 needs, for the five years before `year`. */
export function completeForm(year: number, unitName: string, personName: string): Record<string, unknown> {
  return sampleForm(year, personName, { organisation: unitName });
}

/** Saves the tables and uploads the files a submission needs, through the API of the signed-in applicant. */
export async function fillApplicationViaApi(api: ApiClient, id: string, form: Record<string, unknown>): Promise<void> {
  for (const [table, data] of Object.entries(form)) {
    const { version } = await api.get<{ version: number }>(`/api/applications/${id}`);
    await api.send('put', `/api/applications/${id}/tables/${table}`, { version, data });
  }
  for (const category of sampleRequiredCategories) {
    await api.upload(`/api/applications/${id}/attachments/${category}`, pdf(`${category}.pdf`));
  }
}

/**
 * An applicant of a new committee's open batch, registered through the API and signed in on `page`
 * with a new draft: its id. `role` names the journey in the committee's name and the person's.
 */
export async function signedInWithDraft(
  page: Page,
  request: APIRequestContext,
  role: { committee: string; surname: string; birth: string },
): Promise<{ id: string; person: { name: string; idNumber: string; phone: string; password: string } }> {
  const tag = String(Date.now()).slice(-6);
  const { batchId } = await setUpOrganisations(request, `云南省档案系列职称评审委员会${role.committee}${tag}`, {
    bureaus: false,
  });
  const person = {
    name: `${role.surname}${tag.slice(-2)}`,
    idNumber: idNumberFor(role.birth),
    phone: uniquePhone(),
    password: `Ap@${tag}xy`,
  };
  await registerApplicantViaApi(request, person);
  await submitLogin(page, '个人用户', person.phone, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  return { id: await createApplicationViaApi(page.request, batchId), person };
}
