import { expect, test } from '@playwright/test';
import { loginUnit, newUnit, openMenu, registerUnitViaApi, submitUnitLogin } from './support';

test('a lost session sends the unit back to login, and login returns it to the page it was on', async ({ page, context, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.phone, unit.password, unit.unitName);

  // The session and the CSRF cookie vanish (as after a timeout or in another tab's logout).
  await context.clearCookies();
  await openMenu(page, '修改手机号');
  await expect(page.locator('.el-message--error')).toContainText('请先登录');
  await expect(page).toHaveURL(/#\/login\?kind=unit&redirect=/);

  // The page's CSRF token is stale now: the login refetches it and goes through.
  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(page).toHaveURL(/#\/unit\/phone$/);
  await expect(page.getByTestId('current-phone')).toHaveText(unit.phone);
});
