import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { adminApi, loginError, logout, openMenu, replaceTemporaryPassword, submitLogin } from './support';

const stepOf = (ms: number) => Math.floor(ms / 30_000);

/**
 * The code an authenticator app would show, for a step later than `usedStep` (a code is accepted once:
 * right after enrolment the current step's code is spent, the next one is accepted one step early).
 */
async function nextCode(secret: string, usedStep: number): Promise<{ code: string; step: number }> {
  const step = Math.max(stepOf(Date.now()), usedStep + 1);
  return { code: await generate({ secret, epoch: step * 30 }), step };
}

async function codeStep(page: Page, code: string): Promise<void> {
  const step = page.getByTestId('two-factor-step');
  await expect(step).toBeVisible();
  await step.getByLabel('两步验证码').fill(code);
  await step.getByRole('button', { name: '验证' }).click();
}

test('a reviewer turns on 两步验证 and then logs in with a code, and with a recovery code once', async ({
  page,
  request,
}) => {
  const admin = await adminApi(request);
  const tag = String(Date.now()).slice(-6);
  const supervisor = (await admin.post('/api/admin/supervisors', { name: `两步验证主管部门${tag}` })) as { id: string };
  const username = `totp${tag}`;
  const { temporaryPassword } = (await admin.post('/api/admin/reviewers', {
    orgKind: 'supervisor',
    orgId: supervisor.id,
    username,
    displayName: `两步验证审核员${tag}`,
  })) as { temporaryPassword: string };
  const password = 'Totp#2026ok';
  await submitLogin(page, '审核用户', username, temporaryPassword);
  await replaceTemporaryPassword(page, '审核用户', username, temporaryPassword, password);
  await expect(page).toHaveURL(/#\/reviewer\/home$/);

  // 两步验证, next to 修改密码: the QR code and the secret in text, confirmed with the current code.
  await openMenu(page, '两步验证');
  await page.getByRole('button', { name: '开始设置' }).click();
  await expect(page.getByRole('img', { name: '两步验证二维码' })).toBeVisible();
  const secret = (await page.getByTestId('two-factor-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  let used = await nextCode(secret, 0);
  await page.getByLabel('验证码').fill(used.code);
  await page.getByRole('button', { name: '确认开启' }).click();
  const codes = page.getByTestId('recovery-codes');
  await expect(codes).toContainText('只显示这一次');
  const recoveryCodes = (await codes.locator('li code').allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole('button', { name: '我已保存' }).click();
  await expect(page.getByText('已开启', { exact: true })).toBeVisible();
  await expect(page.getByText('10 个')).toBeVisible();

  // The password alone no longer signs in: the code step follows.
  await logout(page);
  await submitLogin(page, '审核用户', username, password);
  await codeStep(page, '000000');
  await expect(loginError(page)).toContainText('验证码错误，再输错 4 次账号将被锁定');
  used = await nextCode(secret, used.step);
  await codeStep(page, used.code);
  await expect(page).toHaveURL(/#\/reviewer\/home$/);
  await expect(page.getByTestId('account-name')).toHaveText(`两步验证审核员${tag}`);

  // A recovery code instead of the phone: it opens once.
  await logout(page);
  await submitLogin(page, '审核用户', username, password);
  await codeStep(page, recoveryCodes[0]!);
  await expect(page).toHaveURL(/#\/reviewer\/home$/);
  await openMenu(page, '两步验证');
  await expect(page.getByText('9 个')).toBeVisible();

  await logout(page);
  await submitLogin(page, '审核用户', username, password);
  await codeStep(page, recoveryCodes[0]!);
  await expect(loginError(page)).toContainText('验证码错误');
  await expect(page).toHaveURL(/#\/login/);
});
