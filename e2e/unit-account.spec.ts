import { expect, test } from '@playwright/test';
import { loginUnit, logout, newUnit, openMenu, requestSmsCodeInPage } from './support';

test.describe('单位注册与登录 (manual §1.2, §1.5, §2.1)', () => {
  test('a unit registers with an SMS code, logs in on the 单位用户 tab and sees its 首页', async ({ page }) => {
    const unit = newUnit();

    await page.goto('/');
    await expect(page).toHaveURL(/#\/login/);
    await expect(page.getByText('昆明市专业技术人才公共服务平台').first()).toBeVisible();
    await expect(page.getByText('本系统仅可在谷歌、火狐、360 极速模式下运行').first()).toBeVisible();
    await page.getByRole('tab', { name: '单位用户' }).click();
    await page.getByRole('link', { name: '单位注册' }).click();

    await expect(page).toHaveURL(/#\/unit\/register$/);
    await expect(page.getByText('单位注册', { exact: true })).toBeVisible();
    await expect(page.getByText('同一手机号每天仅有 3 次获取验证码的机会!')).toBeVisible();
    await expect(page.getByText('没有信用代码的填写 SGSR+14 位自定义数字')).toBeVisible();

    await page.getByLabel('单位名称').fill(unit.unitName);
    // Typed in lower case: the page writes it in capitals, as the manual asks.
    await page.getByLabel('统一社会信用代码').fill(unit.creditCode.toLowerCase());
    await expect(page.getByLabel('统一社会信用代码')).toHaveValue(unit.creditCode);
    await page.getByLabel('联系人').fill(unit.contactName);
    await page.getByLabel('手机号').fill(unit.phone);

    // A weak password is refused on the page with the policy's words, before anything is sent.
    await page.getByLabel('密码', { exact: true }).fill('abc');
    await page.getByLabel('确认密码').fill('abd');
    await page.getByRole('button', { name: '立即注册' }).click();
    await expect(page.getByText('密码长度为8到16位').first()).toBeVisible();
    await expect(page.getByText('两次输入的密码不一致')).toBeVisible();

    const smsCode = await requestSmsCodeInPage(page, unit.phone);
    await expect(page.getByRole('button', { name: /秒后重新获取|获取验证码/ })).toBeVisible();
    await page.getByLabel('验证码').fill(smsCode);
    await page.getByLabel('密码', { exact: true }).fill(unit.password);
    await page.getByLabel('确认密码').fill(unit.password);
    await page.getByRole('button', { name: '立即注册' }).click();

    await expect(page.getByText('注册成功')).toBeVisible();
    await expect(page).toHaveURL(/#\/login\?kind=unit/);
    await expect(page.getByRole('tab', { name: '单位用户' })).toHaveAttribute('aria-selected', 'true');

    // The credit code is the login name; the same code cannot register twice.
    await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
    await expect(page.getByText('首页', { exact: true }).first()).toBeVisible();
    const info = page.getByTestId('unit-info');
    await expect(info).toContainText(unit.unitName);
    await expect(info).toContainText(unit.creditCode);
    await expect(info).toContainText(unit.contactName);
    await expect(info).toContainText(unit.phone);
    await expect(info).toContainText('未填写');
    await expect(page.getByText('首次登录请完善单位信息')).toBeVisible();
    await expect(page.getByText('开评评委会', { exact: true })).toBeVisible();

    // The left menu of the manual.
    for (const group of ['基本信息', '专业技术人员管理', '申报审核', '审核记录', '消息管理']) {
      await expect(page.locator('.el-sub-menu__title', { hasText: group })).toBeVisible();
    }
    for (const item of [
      '首页',
      '单位信息',
      '主管单位',
      '修改密码',
      '修改手机号',
      '专业技术人员',
      '单位审核 - 申报评审',
      '考核定职 - 审核记录',
      '单位审核记录',
      '我的消息',
      '已发消息',
    ]) {
      await expect(page.getByRole('menuitem', { name: item, exact: true })).toBeVisible();
    }

    // 专业技术人员 (manual §3.1): nobody has chosen the new unit yet.
    await openMenu(page, '专业技术人员');
    await expect(page).toHaveURL(/#\/unit\/staff$/);
    await expect(page.getByLabel('当前位置')).toContainText('专业技术人员管理');
    await expect(page.getByPlaceholder('请输入姓名')).toBeVisible();
    await expect(page.getByPlaceholder('搜索单位')).toBeVisible();
    await expect(page.getByTestId('staff-table')).toContainText('暂无人员');

    await logout(page);

    // Registering the same credit code again is refused by the server, and the page says why.
    await page.goto('/#/unit/register');
    await page.getByLabel('单位名称').fill(`${unit.unitName}（重复）`);
    await page.getByLabel('统一社会信用代码').fill(unit.creditCode);
    await page.getByLabel('联系人').fill(unit.contactName);
    const otherPhone = newUnit().phone;
    await page.getByLabel('手机号').fill(otherPhone);
    const secondCode = await requestSmsCodeInPage(page, otherPhone);
    await page.getByLabel('验证码').fill(secondCode);
    await page.getByLabel('密码', { exact: true }).fill(unit.password);
    await page.getByLabel('确认密码').fill(unit.password);
    await page.getByRole('button', { name: '立即注册' }).click();
    await expect(page.getByText('该统一社会信用代码已注册').first()).toBeVisible();
    await expect(page).toHaveURL(/#\/unit\/register$/);
  });

  test('pages behind login send a visitor to the right login page', async ({ page }) => {
    await page.goto('/#/unit/password');
    await expect(page).toHaveURL(/#\/login\?kind=unit/);
    await expect(page.getByRole('tab', { name: '单位用户' })).toHaveAttribute('aria-selected', 'true');

    await page.goto('/#/admin/units');
    await expect(page).toHaveURL(/#\/admin\/login$/);
    await expect(page.getByText('平台管理员登录').first()).toBeVisible();
  });
});
