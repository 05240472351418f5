import { expect, test } from '@playwright/test';
import { CAPTCHA, adminApi, loginError } from './support';

test('an account with a temporary password must change it before using the system', async ({ page, request }) => {
  // The platform makes a 审核用户 of a 主管部门; the account gets a one-time password.
  const admin = await adminApi(request);
  const tag = String(Date.now()).slice(-6);
  const supervisor = (await admin.post('/api/admin/supervisors', { name: `测试主管部门${tag}` })) as { id: string };
  const username = `reviewer${tag}`;
  const reviewer = (await admin.post('/api/admin/reviewers', {
    orgKind: 'supervisor',
    orgId: supervisor.id,
    username,
    displayName: `审核员${tag}`,
  })) as {
    temporaryPassword: string;
  };

  await page.goto('/#/login');
  await page.getByRole('tab', { name: '审核用户' }).click();
  await page.getByLabel('用户名/手机号/社会信用代码').fill(username);
  await page.getByLabel('登录密码').fill(reviewer.temporaryPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/#\/reviewer\/password$/);
  await expect(page.getByText('当前为临时密码，请设置新密码。')).toBeVisible();
  await expect(page.getByTestId('account-name')).toHaveText(`审核员${tag}`);

  // Nowhere else to go until it is done.
  await page.goto('/#/reviewer/home');
  await expect(page).toHaveURL(/#\/reviewer\/password$/);
  await expect(page.getByRole('menuitem', { name: '首页', exact: true })).toHaveClass(/is-disabled/);

  const newPassword = 'Review#2026ok';
  await page.getByLabel('旧密码').fill(reviewer.temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功，请使用新密码重新登录')).toBeVisible();
  await expect(page).toHaveURL(/#\/login\?kind=reviewer/);
  await expect(page.getByRole('tab', { name: '审核用户' })).toHaveAttribute('aria-selected', 'true');

  await page.getByLabel('用户名/手机号/社会信用代码').fill(username);
  await page.getByLabel('登录密码').fill(reviewer.temporaryPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(loginError(page)).toContainText('用户名或密码错误');

  await page.getByLabel('登录密码').fill(newPassword);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/#\/reviewer\/home$/);
  await expect(page.getByText(`欢迎您，审核员${tag}（审核用户）。`)).toBeVisible();
});
