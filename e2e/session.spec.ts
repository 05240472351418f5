import { expect, test, type BrowserContext } from '@playwright/test';
import { CAPTCHA, loginUnit, logout, newUnit, openMenu, registerUnitViaApi, submitUnitLogin } from './support';

test('a lost session sends the unit back to login, and login returns it to the page it was on', async ({
  page,
  context,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.phone, unit.password, unit.unitName);

  // The session and the CSRF cookie vanish (as after a timeout or in another tab's logout).
  await context.clearCookies();
  await page.getByRole('menuitem', { name: '修改手机号', exact: true }).click();
  await expect(page.locator('.el-message--error')).toContainText('请先登录');
  await expect(page).toHaveURL(/#\/login\?kind=unit&redirect=/);
  await expect(page.getByTestId('session-expired')).toHaveText('登录已超时，请重新登录');

  // The page's CSRF token is stale now: the login refetches it and goes through.
  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(page).toHaveURL(/#\/unit\/phone$/);
  await expect(page.getByTestId('current-phone')).toHaveText(unit.phone);
});

test('a session ended elsewhere (a password change in another browser) says 登录已超时 after a reload', async ({
  page,
  browser,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);

  // The same unit changes its password in another browser: every other session ends.
  const other = await (await browser.newContext()).newPage();
  await loginUnit(other, unit.phone, unit.password, unit.unitName);
  await openMenu(other, '修改密码');
  const newPassword = `${unit.password}X`;
  await other.getByLabel('旧密码').fill(unit.password);
  await other.getByLabel('新密码', { exact: true }).fill(newPassword);
  await other.getByLabel('确认新密码').fill(newPassword);
  await other.getByLabel('验证码').fill(CAPTCHA);
  await other.getByRole('button', { name: '确认修改' }).click();
  await expect(other.getByText('密码修改成功，请使用新密码重新登录')).toBeVisible();
  await other.context().close();

  await page.reload();
  await expect(page).toHaveURL(/#\/login\?kind=unit&redirect=/);
  await expect(page.getByTestId('session-expired')).toHaveText('登录已超时，请重新登录');
  await submitUnitLogin(page, unit.creditCode, newPassword);
  await expect(page).toHaveURL(/#\/unit\/home$/);
});

/** Logs the unit out in a second tab of the same browser: this tab's session ends with it. */
async function logoutInAnotherTab(context: BrowserContext): Promise<void> {
  const other = await context.newPage();
  await other.goto('/#/unit/home');
  await expect(other).toHaveURL(/#\/unit\/home$/);
  await logout(other);
  await other.close();
}

test('opening 系统登录 after the session ended in another tab shows the login page, not 首页', async ({
  page,
  context,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
  await logoutInAnotherTab(context);

  // As a bookmark or a typed address would: the same page, a new hash.
  await page.evaluate("window.location.hash = '#/login'");
  await expect(page.getByTestId('session-expired')).toHaveText('登录已超时，请重新登录');
  await expect(page.getByRole('heading', { name: '系统登录' })).toBeVisible();
  await expect(page.getByTestId('account-name')).toHaveCount(0);
  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(page).toHaveURL(/#\/unit\/home$/);
});

test('a tab that regains focus after its session ended elsewhere goes to login at once', async ({
  page,
  context,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
  await openMenu(page, '修改手机号');
  await logoutInAnotherTab(context);

  await page.bringToFront();
  await page.evaluate("window.dispatchEvent(new Event('focus'))");
  await expect(page).toHaveURL(/#\/login\?kind=unit&redirect=(\/|%2F)unit(\/|%2F)phone$/);
  await expect(page.getByTestId('session-expired')).toHaveText('登录已超时，请重新登录');
  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(page).toHaveURL(/#\/unit\/phone$/);
});
