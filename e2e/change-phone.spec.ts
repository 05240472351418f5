import { expect, test } from '@playwright/test';
import { loginUnit, logout, newUnit, openMenu, registerUnitViaApi, requestSmsCodeInPage, uniquePhone } from './support';

test('修改手机号 (manual §2.5): the code goes to the new phone, which then logs in', async ({ page, request }) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);

  await openMenu(page, '修改手机号');
  await expect(page).toHaveURL(/#\/unit\/phone$/);
  await expect(page.getByLabel('当前位置')).toHaveText(/首页.*基本信息.*修改手机号/);
  await expect(page.getByTestId('current-phone')).toHaveText(unit.phone);

  const newPhone = uniquePhone();
  await page.getByLabel('新手机号').fill(newPhone);
  const code = await requestSmsCodeInPage(page, newPhone);
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page.getByText('手机号修改成功')).toBeVisible();
  await expect(page.getByTestId('current-phone')).toHaveText(newPhone);

  await logout(page);
  await loginUnit(page, newPhone, unit.password, unit.unitName);
});
