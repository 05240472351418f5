import { expect, test } from '@playwright/test';
import { CAPTCHA, E2E_ADMIN, loginError, loginUnit, newUnit, registerUnitViaApi, submitUnitLogin } from './support';

test('5 wrong passwords lock a unit for 15 minutes unless the platform unlocks it sooner (manual §1.4, §7.2)', async ({
  page,
  browser,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);

  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitUnitLogin(page, unit.creditCode, `Wrong#${attempt}pass`);
    await expect(loginError(page)).toContainText(`再输错 ${5 - attempt} 次账号将被锁定`);
  }
  await submitUnitLogin(page, unit.creditCode, 'Wrong#5pass');
  await expect(loginError(page)).toHaveText('密码连续输错 5 次，账号已锁定，请 15 分钟后再试，或联系平台进行解锁');

  // Even the right password is refused now.
  await submitUnitLogin(page, unit.creditCode, unit.password);
  await expect(loginError(page)).toHaveText('账号已锁定，请 15 分钟后再试，或联系平台进行解锁');
  await expect(page).toHaveURL(/#\/login/);

  // The platform admin, in a browser of their own.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/#/admin/login');
  await admin.getByLabel('用户名').fill(E2E_ADMIN.username);
  await admin.getByLabel('登录密码').fill(E2E_ADMIN.password);
  await admin.getByLabel('验证码').fill(CAPTCHA);
  await admin.getByRole('button', { name: '登录', exact: true }).click();
  await expect(admin).toHaveURL(/#\/admin\/units$/);
  await expect(admin.getByTestId('account-name')).toHaveText(E2E_ADMIN.username);

  await admin.getByLabel('关键字').fill(unit.creditCode);
  await admin.getByRole('button', { name: '搜索' }).click();
  const row = admin.getByTestId('unit-table').locator('.el-table__body tr', { hasText: unit.unitName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(unit.creditCode);
  await expect(row).toContainText(`${unit.phone.slice(0, 3)}****${unit.phone.slice(-4)}`);
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(row).toContainText('已锁定');

  await row.getByRole('button', { name: '解锁' }).click();
  const dialog = admin.getByRole('dialog');
  await expect(dialog).toContainText('确定解锁该单位账号吗？');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(admin.getByText(`已解锁：${unit.unitName}`)).toBeVisible();
  await expect(row).toContainText('正常');
  await expect(row.getByRole('button', { name: '解锁' })).toHaveCount(0);
  await adminContext.close();

  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
});
