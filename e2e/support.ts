import { randomInt, randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '#common';

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

/** Clicks 获取验证码 and answers the image captcha the page asks for before it sends. */
export async function clickGetSmsCode(page: Page, button = page.getByRole('button', { name: '获取验证码' })) {
  await button.click();
  const dialog = page.getByRole('dialog', { name: '安全验证' });
  await dialog.getByLabel('图形验证码').fill(CAPTCHA);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
}

/** 获取验证码 on the current form, and the code the server "sent" to `phone`. */
export async function requestSmsCodeInPage(page: Page, phone: string): Promise<string> {
  const before = (await outbox(page.request, phone)).length;
  await clickGetSmsCode(page);
  return waitForSmsCode(page.request, phone, before);
}

/** What the image captcha asks, answered as the e2e server accepts it, for calls made without a page. */
export const smsCaptcha = () => ({ captchaId: randomUUID(), captchaCode: CAPTCHA });

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
  const sms = await request.post('/api/sms/codes', {
    data: { phone: unit.phone, purpose: 'unitRegister', ...smsCaptcha() },
    headers,
  });
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
  // Two logouts a few seconds apart leave two toasts on screen: the newest is this one's.
  await expect(page.getByText('您已安全退出').last()).toBeVisible();
}

/** Opens an entry of the menu: the left column, or on a phone the drawer behind the top bar's button. */
export async function openMenu(page: Page, title: string): Promise<void> {
  const drawerButton = page.getByRole('button', { name: '打开菜单' });
  if ((await drawerButton.isVisible()) && !(await page.locator('.zc-console__drawer').isVisible())) {
    await drawerButton.click();
  }
  // 我的消息 may carry the unread count.
  await page
    .getByRole('menuitem')
    .and(page.locator('.el-menu-item'))
    .filter({ hasText: new RegExp(`^\\s*${title}(\\s*\\d+\\+?)?\\s*$`) })
    .click();
  await expect(page.getByRole('navigation', { name: '当前位置' }).locator('.el-breadcrumb__item').last()).toHaveText(
    title,
  );
}

/** The error line of a login form (the answer stays until the next attempt). */
export function loginError(page: Page) {
  return page.getByTestId('login-error');
}

/** Signs the e2e admin in on an API context (for setting up what only the platform can make). */
export async function adminApi(
  request: APIRequestContext,
): Promise<{ post: (path: string, data: unknown) => Promise<unknown> }> {
  const token = await csrfToken(request);
  const headers = { 'x-csrf-token': token };
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
  return {
    async post(path, data) {
      const response = await request.post(path, { headers, data });
      expect(response.ok(), `${path}: ${await response.text()}`).toBeTruthy();
      return response.json();
    },
  };
}

/** Logs the e2e platform admin in on /admin/login and waits for 单位管理. */
export async function loginAdmin(page: Page): Promise<void> {
  await page.goto('/#/admin/login');
  await page.getByLabel('用户名').fill(E2E_ADMIN.username);
  await page.getByLabel('登录密码').fill(E2E_ADMIN.password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/#\/admin\/units$/);
}

export type LoginTab = '个人用户' | '单位用户' | '审核用户';

/** Opens 系统登录, picks a tab and submits; the caller checks the outcome. */
export async function submitLogin(page: Page, tab: LoginTab, username: string, password: string): Promise<void> {
  if (!/#\/login/.test(page.url())) await page.goto('/#/login');
  await expect(page.getByRole('heading', { name: '系统登录' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByLabel('用户名/手机号/社会信用代码').fill(username);
  await page.getByLabel('登录密码').fill(password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/**
 * On the forced 修改密码 page of an account with a temporary password: sets `newPassword`, which signs
 * the account out; then logs in again on `tab` with the new password.
 */
export async function replaceTemporaryPassword(
  page: Page,
  tab: LoginTab,
  username: string,
  temporary: string,
  newPassword: string,
): Promise<void> {
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByText('当前为临时密码，请设置新密码。')).toBeVisible();
  await page.getByLabel('旧密码').fill(temporary);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功，请使用新密码重新登录')).toBeVisible();
  await expect(page).toHaveURL(/#\/login/);
  await submitLogin(page, tab, username, newPassword);
}

/** The form item whose label is `label` (inside `scope`, e.g. a dialog). */
export function formItem(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope
    .locator('.el-form-item')
    .filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) });
}

/** Opens the ElSelect of a form item and picks an option. */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await formItem(scope, label).locator('.el-select__wrapper').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Picks a 行政区域 in the lazy cascader of a form item: `names` from the province down. The last one is
 * checked with its radio when it is not a county (cascaders that may stop at any level).
 */
export async function pickRegion(
  page: Page,
  scope: Page | Locator,
  label: string,
  names: string[],
  options: { stopAbove?: boolean } = {},
): Promise<void> {
  await formItem(scope, label).locator('.el-cascader').click();
  const panel = page.locator('.el-cascader__dropdown').filter({ visible: true });
  for (const [i, name] of names.entries()) {
    const node = panel
      .locator('.el-cascader-menu')
      .nth(i)
      .locator('.el-cascader-node')
      .filter({ has: page.locator('.el-cascader-node__label', { hasText: new RegExp(`^${name}$`) }) });
    const last = i === names.length - 1;
    if (last && options.stopAbove) await node.locator('.el-radio').click();
    else await node.click();
  }
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
}

/** The confirm box (ElMessageBox) answered with 确定. */
export async function confirmBox(page: Page, text: string | RegExp): Promise<void> {
  const box = page.locator('.el-message-box').filter({ visible: true });
  await expect(box).toContainText(text);
  await box.getByRole('button', { name: '确定' }).click();
  await expect(box).toBeHidden();
}

/** The rows of a table (by its data-testid) that contain `text`. */
export function tableRow(page: Page, testId: string, text: string): Locator {
  return page.getByTestId(testId).locator('.el-table__body tr', { hasText: text });
}

/** A 18-character 身份证号 (GB 11643) for a person born on `birth` (YYYYMMDD) in `region`; odd sequence = male. */
export function idNumberFor(
  birth = '19900307',
  region = '530102',
  sequence = `${randomInt(10, 99)}${randomInt(0, 5) * 2 + 1}`,
): string {
  const first17 = `${region}${birth}${sequence}`;
  const check = idNumberCheckCharacter(first17);
  if (!check) throw new Error(`no check character for ${first17}`);
  return first17 + check;
}

/** The open dialog with this title. */
export function dialog(page: Page, title: string): Locator {
  return page
    .locator('.el-dialog')
    .filter({ visible: true })
    .filter({ has: page.locator('.el-dialog__title', { hasText: title }) });
}
