import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { setUpOrganisations } from './application-support';
import { adminLogin, readyUnit, submittedApplication } from './review-support';
import { fits, rowOf, viewports } from './viewport-support';
import { dialog, formItem, loginUnit, newUnit, openMenu, requestSmsCodeInPage, submitLogin, tableRow } from './support';

/**
 * The pages people open on a phone (375×812) as well as on a laptop (1366×768): nothing scrolls sideways,
 * the buttons they need are on screen, and on a phone the menu is in a drawer opened from the top bar.
 */
/** The console's menu: the left column on a laptop, the drawer behind the top bar's button on a phone. */
async function menu(page: Page, testInfo: TestInfo, phone: boolean, title: string): Promise<void> {
  if (phone) {
    await expect(page.locator('.zc-console__aside')).toHaveCount(0);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await expect(page.locator('.zc-console__drawer')).toBeVisible();
    // 我的消息 may carry the unread count.
    await expect(page.getByRole('menuitem', { name: new RegExp(`^${title}`) })).toBeInViewport();
    await testInfo.attach(`菜单 → ${title}`, { body: await page.screenshot(), contentType: 'image/png' });
  } else {
    await expect(page.getByRole('button', { name: '打开菜单' })).toHaveCount(0);
  }
  await openMenu(page, title);
  // Choosing a page closes the drawer.
  await expect(page.locator('.zc-console__drawer')).toBeHidden();
}

for (const viewport of viewports) {
  const phone = viewport.name === 'phone';

  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('系统登录: every tab, the captcha and 忘记密码 on screen; the admin login too', async ({ page }, testInfo) => {
      await page.goto('/#/login');
      await expect(page.getByRole('heading', { name: '系统登录' })).toBeVisible();
      // The introduction flows beside or below the card, not as a column one character wide.
      const intro = await page.getByRole('heading', { name: '“互联网 + 职称”' }).boundingBox();
      expect(intro?.width ?? 0).toBeGreaterThan(250);
      const card = await page.locator('.zc-login__card').boundingBox();
      expect(card!.x).toBeGreaterThanOrEqual(0);
      expect(card!.x + card!.width).toBeLessThanOrEqual(viewport.width);

      for (const tab of ['个人用户', '审核用户', '单位用户'] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      }
      await fits(page, testInfo, '系统登录 (单位用户)', [
        page.getByRole('tab', { name: '个人用户' }),
        page.getByRole('tab', { name: '单位用户' }),
        page.getByRole('tab', { name: '审核用户' }),
        page.getByLabel('验证码'),
        page.getByTestId('captcha-refresh'),
        page.getByRole('button', { name: '登录', exact: true }),
        page.getByRole('link', { name: '单位注册' }),
        page.getByRole('link', { name: '忘记密码' }),
      ]);
      await page.getByRole('tab', { name: '个人用户' }).click();
      await fits(page, testInfo, '系统登录 (个人用户)', [
        page.getByRole('link', { name: '个人注册' }),
        page.getByRole('link', { name: '忘记密码' }),
      ]);

      await page.getByRole('link', { name: '平台管理员登录' }).click();
      await expect(page).toHaveURL(/#\/admin\/login$/);
      await fits(page, testInfo, '平台管理员登录', [
        page.getByLabel('用户名'),
        page.getByTestId('captcha-refresh'),
        page.getByRole('button', { name: '登录', exact: true }),
        page.getByRole('link', { name: '返回用户登录' }),
      ]);
    });

    test('单位注册 with an SMS code, then the unit’s menu', async ({ page }, testInfo) => {
      const unit = newUnit();
      await page.goto('/#/unit/register');
      await expect(page.getByText('单位注册', { exact: true })).toBeVisible();
      await page.getByLabel('单位名称').fill(unit.unitName);
      await page.getByLabel('统一社会信用代码').fill(unit.creditCode);
      await page.getByLabel('联系人').fill(unit.contactName);
      await page.getByLabel('手机号').fill(unit.phone);
      const smsCode = await requestSmsCodeInPage(page, unit.phone);
      await page.getByLabel('验证码').fill(smsCode);
      await page.getByLabel('密码', { exact: true }).fill(unit.password);
      await page.getByLabel('确认密码').fill(unit.password);

      // The code's box keeps room to type six digits beside (or above) 获取验证码.
      const codeBox = await formItem(page, '验证码').locator('.el-input').boundingBox();
      expect(codeBox?.width ?? 0).toBeGreaterThanOrEqual(120);
      await fits(page, testInfo, '单位注册', [
        page.getByLabel('验证码'),
        page.getByRole('button', { name: /秒后重新获取|获取验证码/ }),
        page.getByRole('button', { name: '立即注册' }),
      ]);
      await page.getByRole('button', { name: '立即注册' }).click();
      await expect(page.getByText('注册成功')).toBeVisible();
      await expect(page).toHaveURL(/#\/login\?kind=unit/);

      await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
      await fits(page, testInfo, '单位首页', [page.getByRole('button', { name: '退出' })]);
      await menu(page, testInfo, phone, '修改手机号');
      await expect(page.getByTestId('current-phone')).toHaveText(unit.phone);
      await fits(page, testInfo, '修改手机号', [
        page.getByRole('button', { name: '获取验证码' }),
        page.getByRole('button', { name: '提交' }),
      ]);
    });

    test('an applicant checks 我的申报 and reads the unit’s message in 我的消息', async ({
      page,
      browser,
      request,
    }, testInfo) => {
      test.setTimeout(120_000);
      const tag = `${viewport.width}${String(Date.now()).slice(-5)}`;
      const year = new Date().getFullYear();
      const { batchId } = await setUpOrganisations(request, `云南省档案系列评委会视口${tag}`);
      const admin = await adminLogin(request);
      const series = (await admin.get('/api/series')) as unknown as {
        code: string;
        titles: { id: string; name: string }[];
      }[];
      const titleId = series.find((s) => s.code === 'archives')!.titles.find((t) => t.name === '馆员')!.id;
      const specialties = (await admin.get(`/api/specialties?keyword=${encodeURIComponent('档案学')}`)) as unknown as {
        id: string;
        pathName: string;
      }[];
      const specialtyId = specialties.find((s) => s.pathName === '管理学—图书情报与档案管理—档案学')!.id;
      const unit = newUnit({ unitName: `五华区视口档案馆${tag}` });
      const { unitApi } = await readyUnit(browser, unit, '530102');
      const person = await submittedApplication(
        browser,
        { unitName: unit.unitName, batchId, titleId, specialtyId, year },
        `李视口${tag.slice(-2)}`,
        '19880512',
      );
      const people = (await unitApi.get(`/api/units/me/people?keyword=${encodeURIComponent(person.name)}`)) as {
        items: { accountId: string }[];
      };
      const content = `请于本周五前到单位人事科核对申报材料原件（${tag}）`;
      await unitApi.send('POST', `/api/units/me/people/${people.items[0]!.accountId}/message`, { content }, 200);

      await submitLogin(page, '个人用户', person.idNumber, person.password);
      await expect(page).toHaveURL(/#\/applicant\/profile$/);
      await fits(page, testInfo, '个人信息', [page.getByRole('button', { name: '退出' })]);

      await menu(page, testInfo, phone, '我的申报');
      const row = tableRow(page, 'application-table', '馆员');
      // 状态 (its tag) and 当前进度.
      const status = row.locator('.el-tag', { hasText: '审核中' });
      await expect(row).toContainText('单位审核中');
      await fits(page, testInfo, '我的申报', [page.getByRole('button', { name: '新建申报' }), status]);

      await menu(page, testInfo, phone, '我的消息');
      const message = rowOf(page, 'inbox-table', content, phone);
      await expect(message).toContainText(unit.unitName);
      await fits(page, testInfo, '我的消息', [page.getByRole('button', { name: '搜索' })]);
      await message.click();
      const detail = dialog(page, '消息详情');
      await expect(detail).toContainText(content);
      await fits(page, testInfo, '消息详情', [detail.getByRole('button', { name: '关闭', exact: true })]);
      if (phone) {
        // The dialog takes the whole phone screen.
        const box = await detail.boundingBox();
        expect(box?.width).toBe(viewport.width);
      }
      await detail.getByRole('button', { name: '关闭', exact: true }).click();
      await expect(message).toContainText('已读');
    });
  });
}
