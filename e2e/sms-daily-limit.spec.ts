import { expect, test } from '@playwright/test';
import { clickGetSmsCode, outbox, uniquePhone } from './support';

test('同一手机号每天仅有 3 次获取验证码的机会: the fourth code of the day is refused', async ({ page }) => {
  const phone = uniquePhone();
  await page.goto('/#/unit/register');
  await page.getByLabel('手机号').fill(phone);

  const button = page.getByRole('button', { name: /获取验证码|秒后重新获取/ });
  for (let sent = 1; sent <= 3; sent++) {
    await expect(button).toHaveText('获取验证码');
    await clickGetSmsCode(page, button);
    await expect.poll(async () => (await outbox(page.request, phone)).length).toBe(sent);
    // SMS_RESEND_SECONDS=1 on the e2e server: the button counts down, then may be used again.
    await page.waitForTimeout(1_100);
  }

  await expect(button).toHaveText('获取验证码');
  await clickGetSmsCode(page, button);
  await expect(page.locator('.el-message--error')).toContainText('同一手机号每天仅有 3 次获取验证码的机会');
  expect(await outbox(page.request, phone)).toHaveLength(3);
});
