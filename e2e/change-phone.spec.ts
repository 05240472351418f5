import { expect, test } from '@playwright/test';
import {
  clickGetSmsCode,
  loginUnit,
  logout,
  newUnit,
  openMenu,
  registerUnitViaApi,
  requestSmsCodeInPage,
  uniquePhone,
} from './support';

test('修改手机号 (manual §2.5): the code goes to the new phone, which then logs in', async ({ page, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);

  await openMenu(page, '修改手机号');
  await expect(page).toHaveURL(/#\/unit\/phone$/);
  await expect(page.getByLabel('当前位置')).toHaveText(/首页.*基本信息.*修改手机号/);
  await expect(page.getByTestId('current-phone')).toHaveText(unit.phone);

  // One's own phone is not "another account's": the page says it is the current one.
  await page.getByLabel('新手机号').fill(unit.phone);
  await clickGetSmsCode(page);
  await expect(page.locator('.el-message--error')).toContainText('新手机号与当前手机号相同，无需修改');
  await expect(page.getByText('该手机号已被其他账号使用')).toHaveCount(0);

  const newPhone = uniquePhone();
  await page.getByLabel('新手机号').fill(newPhone);
  const code = await requestSmsCodeInPage(page, newPhone);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page.getByText('手机号修改成功')).toBeVisible();
  await expect(page.getByTestId('current-phone')).toHaveText(newPhone);

  // The unit registered with this phone as its 联系电话 too: 首页 and 单位信息 show the new one at once.
  await openMenu(page, '首页');
  await expect(page.getByTestId('unit-info')).toContainText(newPhone);
  await expect(page.getByTestId('unit-info')).not.toContainText(unit.phone);
  await openMenu(page, '单位信息');
  await expect(page.getByPlaceholder('请填写联系电话')).toHaveValue(newPhone);

  await logout(page);
  await loginUnit(page, newPhone, unit.password, unit.unitName);
});

test('获取验证码 counts down on the button, and the phone stays editable', async ({ page, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
  await openMenu(page, '修改手机号');

  // The test server allows a new code after 1 s; the real wait is 60 s.
  await page.route('**/api/sms/codes', (route) =>
    route.fulfill({ json: { ok: true, resendAfterSeconds: 60, remainingToday: 2 } }),
  );
  const phone = page.getByLabel('新手机号');
  await phone.fill(uniquePhone());
  await clickGetSmsCode(page);

  const button = page.locator('.zc-sms-button');
  await expect(button).toHaveText(/^(60|59)秒后重新获取$/);
  await expect(button).toBeDisabled();
  await expect(phone).toBeEditable();
  await expect(phone).not.toHaveValue(/秒/);
  const other = uniquePhone();
  await phone.fill(other);
  await expect(phone).toHaveValue(other);
  await expect(button).toHaveText(/^\d+秒后重新获取$/);
});
