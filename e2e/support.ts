import { randomInt } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { creditCodeCheckCharacter } from '#common';

/** Made by e2e/start-server.mjs on the fresh data folder (keep the two in step). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'E2e-Admin#2026' } as const;
/** CAPTCHA_TEST_CODE of the e2e server: accepted for any image captcha. */
export const CAPTCHA = 'e2e1';

export interface TestUnit {
  unitName: string;
  creditCode: string;
  contactName: string;
  phone: string;
  password: string;
}

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

/** A mainland mobile number no other test uses (fresh database per run, 10^9 choices). */
export function uniquePhone(): string {
  return `1${randomInt(3, 10)}${digits(9)}`;
}

/** An 18-character 统一社会信用代码 with a correct GB 32100 check character. */
export function uniqueCreditCode(): string {
  const first17 = `91530102${digits(9)}`;
  const check = creditCodeCheckCharacter(first17);
  if (!check) throw new Error(`no check character for ${first17}`);
  return first17 + check;
}

export function newUnit(overrides: Partial<TestUnit> = {}): TestUnit {
  const tag = digits(6);
  return {
    unitName: `昆明市测试档案馆${tag}`,
    creditCode: uniqueCreditCode(),
    contactName: '张联系',
    phone: uniquePhone(),
    password: `Zc@${digits(5)}ab`,
    ...overrides,
  };
}

interface OutboxReply {
  items: { phone: string; content: string; sentAt: string }[];
}

export async function outbox(request: APIRequestContext, phone: string): Promise<OutboxReply['items']> {
  const response = await request.get(`/api/dev/sms-outbox?phone=${encodeURIComponent(phone)}`);
  expect(response.ok(), 'the dev SMS outbox answers').toBeTruthy();
  return ((await response.json()) as OutboxReply).items;
}

/** Waits for an SMS newer than the `before` messages the phone had, and returns its 6-digit code. */
export async function waitForSmsCode(request: APIRequestContext, phone: string, before: number): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const items = await outbox(request, phone);
        const newest = items[0];
        if (items.length > before && newest) code = /\d{6}/.exec(newest.content)?.[0] ?? '';
        return code;
      },
      { message: `an SMS code for ${phone}`, timeout: 10_000 },
    )
    .not.toBe('');
  return code;
}

/** Clicks 获取验证码 on the current form and reads the code the server "sent" to `phone`. */
export async function requestSmsCodeInPage(page: Page, phone: string): Promise<string> {
  const before = (await outbox(page.request, phone)).length;
  await page.getByRole('button', { name: '获取验证码' }).click();
  return waitForSmsCode(page.request, phone, before);
}

async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/session');
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Registers a unit through the API (the registration page itself is covered by unit-account.spec.ts). */
export async function registerUnitViaApi(request: APIRequestContext, unit: TestUnit): Promise<void> {
  const token = await csrfToken(request);
  const headers = { 'x-csrf-token': token };
  const before = (await outbox(request, unit.phone)).length;
  const sms = await request.post('/api/sms/codes', { data: { phone: unit.phone, purpose: 'unitRegister' }, headers });
  expect(sms.status(), await sms.text()).toBe(200);
  const smsCode = await waitForSmsCode(request, unit.phone, before);
  const response = await request.post('/api/units/register', {
    headers,
    data: {
      unitName: unit.unitName,
      creditCode: unit.creditCode,
      contactName: unit.contactName,
      phone: unit.phone,
      smsCode,
      password: unit.password,
      confirmPassword: unit.password,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** Opens 系统登录 on the 单位用户 tab and submits; the caller checks the outcome. */
export async function submitUnitLogin(page: Page, username: string, password: string): Promise<void> {
  if (!/#\/login/.test(page.url())) await page.goto('/#/login?kind=unit');
  await expect(page.getByRole('heading', { name: '系统登录' })).toBeVisible();
  await page.getByRole('tab', { name: '单位用户' }).click();
  await page.getByLabel('用户名/手机号/社会信用代码').fill(username);
  await page.getByLabel('登录密码').fill(password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Logs a unit in and waits for its 首页. */
export async function loginUnit(page: Page, username: string, password: string, unitName?: string): Promise<void> {
  await submitUnitLogin(page, username, password);
  await expect(page).toHaveURL(/#\/unit\/home$/);
  if (unitName) await expect(page.getByTestId('account-name')).toHaveText(unitName);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/#\/(admin\/)?login/);
  await expect(page.getByText('您已安全退出')).toBeVisible();
}

/** Opens an entry of the left menu. */
export async function openMenu(page: Page, title: string): Promise<void> {
  await page.getByRole('menuitem', { name: title, exact: true }).click();
}

/** The error line of a login form (the answer stays until the next attempt). */
export function loginError(page: Page) {
  return page.getByTestId('login-error');
}

/** Signs the e2e admin in on an API context (for setting up what only the platform can make). */
export async function adminApi(request: APIRequestContext): Promise<{ post: (path: string, data: unknown) => Promise<unknown> }> {
  const token = await csrfToken(request);
  const headers = { 'x-csrf-token': token };
  const captcha = (await (await request.get('/api/captcha')).json()) as { captchaId: string };
  const login = await request.post('/api/auth/admin-login', {
    headers,
    data: { username: E2E_ADMIN.username, password: E2E_ADMIN.password, captchaId: captcha.captchaId, captchaCode: CAPTCHA },
  });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async post(path, data) {
      const response = await request.post(path, { headers, data });
      expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
      return response.json();
    },
  };
}
