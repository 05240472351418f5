import { expect, test } from '@playwright/test';
import {
  loginError,
  loginUnit,
  newUnit,
  registerUnitViaApi,
  requestSmsCodeInPage,
  submitUnitLogin,
  uniquePhone,
} from './support';

test('忘记密码 (manual §1.3): a unit recovers its password with the registered phone', async ({ page, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);

  await page.goto('/#/login');
  await page.getByRole('tab', { name: '单位用户' }).click();
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/#\/forgot-password$/);
  await expect(page.getByText('单位找回密码')).toBeVisible();
  await expect(page.getByTestId('lost-both')).toContainText('单位账号密码 和 联系人电话 同时丢失');
  await expect(page.getByTestId('lost-both')).toContainText('需营业执照及相关说明加盖公章发送至邮箱hrmosmo@163.com。');

  const newPassword = 'Found#2026pw';
  await page.getByLabel('手机号').fill(unit.phone);
  const code = await requestSmsCodeInPage(page, unit.phone);
  await page.getByLabel('验证码').fill(code);
  await page.getByLabel('密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认密码').fill(newPassword);
  await page.getByRole('button', { name: '立即找回' }).click();

  await expect(page.getByText('密码已重置，请使用新密码登录')).toBeVisible();
  await expect(page).toHaveURL(/#\/login\?kind=unit/);

  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(loginError(page)).toContainText('用户名或密码错误');

  await loginUnit(page, unit.creditCode, newPassword, unit.unitName);
  await expect(page.getByTestId('unit-info')).toContainText(unit.unitName);
});

test('忘记密码 tells the holder of a phone that registered no unit, once the code proves the phone', async ({
  page,
}) => {
  await page.goto('/#/forgot-password');
  const phone = uniquePhone();
  await page.getByLabel('手机号').fill(phone);
  // Sent as to any phone: the page does not tell a stranger which phones have accounts.
  const code = await requestSmsCodeInPage(page, phone);
  await page.getByLabel('验证码').fill(code);
  await page.getByLabel('密码', { exact: true }).fill('Found#2026pw');
  await page.getByLabel('确认密码').fill('Found#2026pw');
  await page.getByRole('button', { name: '立即找回' }).click();
  await expect(page.locator('.el-form-item__error')).toContainText('该手机号没有注册账号，请核对注册时填写的手机号');
});
