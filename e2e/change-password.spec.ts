import { expect, test } from '@playwright/test';
import { CAPTCHA, loginError, loginUnit, newUnit, openMenu, registerUnitViaApi, submitUnitLogin } from './support';

test('修改密码 (manual §2.4): the new password works, the old one is refused', async ({ page, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);

  await openMenu(page, '修改密码');
  await expect(page).toHaveURL(/#\/unit\/password$/);
  await expect(page.getByLabel('当前位置')).toHaveText(/首页.*基本信息.*修改密码/);
  await expect(page.getByText('密码强度建议：')).toBeVisible();
  await expect(page.getByText('必须包含数字、英文、特殊字符；特殊字符包含!@#%等。')).toBeVisible();

  const newPassword = 'New#pass2026';

  // A wrong old password is refused and named.
  await page.getByLabel('旧密码').fill('Wrong#pass1');
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('旧密码不正确').first()).toBeVisible();

  await page.getByLabel('旧密码').fill(unit.password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功，请使用新密码重新登录')).toBeVisible();
  await expect(page).toHaveURL(/#\/login\?kind=unit/);

  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(loginError(page)).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/#\/login/);

  // The phone number is a login name too.
  await loginUnit(page, unit.phone, newPassword, unit.unitName);
});
