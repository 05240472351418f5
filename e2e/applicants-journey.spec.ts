import { expect, test } from '@playwright/test';
import {
  confirmBox,
  dialog,
  formItem,
  idNumberFor,
  loginError,
  loginUnit,
  logout,
  newUnit,
  openMenu,
  registerUnitViaApi,
  replaceTemporaryPassword,
  requestSmsCodeInPage,
  submitLogin,
  tableRow,
  uniquePhone,
} from './support';

test('applicants: a person registers, chooses a unit, gets its message, a reset password, is locked and unlocked by it, and is removed', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-6);
  // A registered unit that has not completed 单位信息 yet.
  const unit = newUnit({ unitName: `昆明市测试档案馆个人${tag}` });
  await registerUnitViaApi(request, unit);

  const person = {
    name: `王测试${tag.slice(-2)}`,
    idNumber: idNumberFor('19900307'),
    phone: uniquePhone(),
    password: `Pe@${tag}ab`,
  };

  // ── 个人注册 from the 个人用户 tab ──
  await page.goto('/#/login');
  await page.getByRole('tab', { name: '个人用户' }).click();
  await expect(page.getByText('个人账号锁定请联系单位进行解锁')).toBeVisible();
  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/#\/applicant\/forgot-password$/);
  await expect(page.getByText('个人找回密码', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: '返回登录' }).click();
  await expect(page.getByRole('tab', { name: '个人用户' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('link', { name: '个人注册' }).click();
  await expect(page).toHaveURL(/#\/applicant\/register$/);
  await expect(page.getByText('个人注册', { exact: true })).toBeVisible();

  await page.getByLabel('姓名').fill(person.name);
  // A wrong check character is refused on the page.
  const wrong = person.idNumber.slice(0, 17) + (person.idNumber.endsWith('1') ? '2' : '1');
  await page.getByLabel('身份证号').fill(wrong);
  await page.getByLabel('身份证号').blur();
  await expect(page.getByText('身份证号校验位不正确，请核对')).toBeVisible();
  await page.getByLabel('身份证号').fill(person.idNumber.toLowerCase());
  await expect(page.getByLabel('身份证号')).toHaveValue(person.idNumber);
  await page.getByLabel('手机号').fill(person.phone);
  const smsCode = await requestSmsCodeInPage(page, person.phone);
  await page.getByLabel('验证码').fill(smsCode);
  await page.getByLabel('密码', { exact: true }).fill(person.password);
  await page.getByLabel('确认密码').fill(person.password);
  await page.getByRole('button', { name: '立即注册' }).click();
  await expect(page.getByText('注册成功，请使用身份证号或手机号登录')).toBeVisible();
  await expect(page).toHaveURL(/#\/login\?kind=applicant/);

  // ── Login by ID number on the 个人用户 tab; 个人信息 ──
  await submitLogin(page, '个人用户', person.idNumber, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  await expect(page.getByTestId('account-name')).toHaveText(person.name);
  const profile = page.getByTestId('applicant-profile');
  await expect(profile).toContainText(person.idNumber);
  await expect(profile).toContainText('男');
  await expect(profile).toContainText('1990-03-07');
  await expect(page.getByTestId('current-unit')).toHaveText('尚未选择单位');

  // 选择单位: a unit that is not registered cannot be found (FAQ §7.4) …
  await page.getByLabel('单位', { exact: true }).fill(`不存在的单位${tag}`);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByTestId('unit-not-found')).toContainText('检索不到单位');
  await expect(page.getByTestId('unit-not-found')).toContainText(
    '单位尚未在系统中注册账号，请联系单位负责人在我平台进行账号注册（首页 - 单位登录 - 单位注册）',
  );

  // … a registered one is, and may be chosen even with incomplete information (FAQ §7.6).
  await page.getByLabel('单位', { exact: true }).fill(unit.unitName);
  await page.getByRole('button', { name: '搜索' }).click();
  await tableRow(page, 'unit-results', unit.unitName).getByRole('button', { name: '选择' }).click();
  await confirmBox(page, `确定选择“${unit.unitName}”为您的工作单位吗？`);
  await expect(page.getByText(`已选择单位：${unit.unitName}`)).toBeVisible();
  await expect(page.getByTestId('current-unit')).toHaveText(unit.unitName);
  await expect(page.getByTestId('readiness')).toContainText('单位信息不完整，请联系单位完善');
  await expect(page.getByTestId('readiness')).toContainText('查找人社局失败');

  // ── The unit finds the person in 专业技术人员 and sends a message ──
  const unitContext = await browser.newContext();
  const unitPage = await unitContext.newPage();
  await loginUnit(unitPage, unit.creditCode, unit.password, unit.unitName);
  await openMenu(unitPage, '专业技术人员');
  await unitPage.getByLabel('关键字').fill(person.name);
  await unitPage.getByRole('button', { name: '搜索' }).click();
  const row = tableRow(unitPage, 'staff-table', person.name);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('男');
  await expect(row).toContainText(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);
  await expect(row).toContainText(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
  await expect(row).toContainText(unit.unitName);
  await expect(row).toContainText('正常');
  await expect(row.getByRole('button', { name: '解锁' })).toHaveCount(0);

  const content = `请于本周五前准备好申报材料（${tag}）`;
  await row.getByRole('button', { name: '发送消息' }).click();
  const box = dialog(unitPage, '发送消息');
  await box.getByRole('button', { name: '发送' }).click();
  await expect(box).toContainText('请输入消息内容');
  await box.getByLabel('消息内容').fill(content);
  await box.getByRole('button', { name: '发送' }).click();
  await expect(unitPage.getByText(`消息已发送给${person.name}`)).toBeVisible();
  await openMenu(unitPage, '已发消息');
  const sent = tableRow(unitPage, 'sent-table', content);
  await expect(sent).toContainText(person.name);
  await expect(sent).toContainText('单位用户');
  await expect(sent).toContainText('未读');
  // A row of 已发消息 opens the whole message, as 我的消息 does.
  await sent.click();
  const sentDetail = dialog(unitPage, '消息详情');
  const detailRow = (scope: typeof sentDetail, label: string) => scope.locator('tr', { hasText: label });
  await expect(detailRow(sentDetail, '接收人')).toContainText(person.name);
  await expect(detailRow(sentDetail, '消息内容')).toContainText(content);
  await expect(detailRow(sentDetail, '是否阅读')).toContainText('未读');
  await expect(detailRow(sentDetail, '发送时间')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await sentDetail.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(sentDetail).toBeHidden();

  // A failed list request shows the failure and 重试, never 暂无人员 as if nobody had chosen the unit.
  const peopleList = /\/api\/units\/me\/people\?/;
  await unitPage.route(peopleList, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'INTERNAL', message: '系统内部错误，请稍后重试' }),
    }),
  );
  await openMenu(unitPage, '专业技术人员');
  const failure = unitPage.getByTestId('staff-table').getByTestId('list-error');
  await expect(failure).toContainText('加载失败：系统内部错误，请稍后重试');
  await expect(unitPage.getByTestId('staff-table')).not.toContainText('暂无人员');
  await unitPage.unroute(peopleList);
  await failure.getByRole('button', { name: '重试' }).click();
  await expect(tableRow(unitPage, 'staff-table', person.name)).toHaveCount(1);
  await expect(unitPage.getByTestId('list-error')).toHaveCount(0);

  // The unit's own 主管单位 page tells it what to do itself, not to ask the unit.
  await openMenu(unitPage, '主管单位');
  const readiness = unitPage.getByTestId('readiness');
  await expect(readiness).toContainText('单位信息不完整（未填写：');
  await expect(readiness).toContainText('请先在【单位信息】中完善');
  await expect(readiness).not.toContainText('请联系单位完善');
  await expect(readiness).toContainText('请在【单位信息】中将行政区域选到区县一级，并核对单位等级');
  await expect(readiness).toContainText('请联系平台管理员');
  await readiness.getByTestId('readiness-info-link').first().click();
  await expect(unitPage).toHaveURL(/\/unit\/info$/);

  // ── The person: an unread message (badge), read by opening it ──
  await page.reload();
  // The unit's message, and the welcome the person got at registration.
  const badge = page.getByRole('menuitem', { name: /我的消息/ }).getByTestId('unread-badge');
  await expect(badge).toHaveText('2');
  await openMenu(page, '我的消息');
  const message = tableRow(page, 'inbox-table', content);
  await expect(message).toContainText(unit.unitName);
  await expect(message.getByTestId('unread-dot')).toBeVisible();
  await message.click();
  await expect(dialog(page, '消息详情')).toContainText(content);
  await dialog(page, '消息详情').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(message).toContainText('已读');
  await expect(message.getByTestId('unread-dot')).toHaveCount(0);
  await expect(badge).toHaveText('1');
  await expect(tableRow(page, 'inbox-table', '欢迎注册职称申报管理系统')).toContainText('未读');

  await openMenu(unitPage, '已发消息');
  await expect(tableRow(unitPage, 'sent-table', content)).toContainText('已读');

  // ── 重置密码: a one-time password, shown once; the person must change it ──
  await openMenu(unitPage, '专业技术人员');
  await row.getByRole('button', { name: '重置密码' }).click();
  await confirmBox(unitPage, `确定重置“${person.name}”的密码吗？`);
  const otp = unitPage.getByTestId('one-time-password');
  await expect(otp).toContainText(`${person.name}的临时密码`);
  await expect(otp).toContainText('使用临时密码登录后必须先修改密码');
  const temporary = (await otp.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporary).not.toBe('123456');
  await otp.getByRole('button', { name: '我已记下' }).click();

  await logout(page);
  await submitLogin(page, '个人用户', person.phone, person.password);
  await expect(loginError(page)).toContainText('用户名或密码错误');
  await submitLogin(page, '个人用户', person.phone, temporary);
  person.password = `Pn@${tag}cd`;
  await replaceTemporaryPassword(page, '个人用户', person.phone, temporary, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  await logout(page);

  // ── 5 wrong passwords lock the person; the unit unlocks (FAQ §7.1) ──
  for (let attempt = 1; attempt <= 4; attempt++) {
    await submitLogin(page, '个人用户', person.idNumber, `Wrong#${attempt}pw`);
    await expect(loginError(page)).toContainText(`再输错 ${5 - attempt} 次账号将被锁定`);
  }
  await submitLogin(page, '个人用户', person.idNumber, 'Wrong#5pw');
  await expect(loginError(page)).toContainText('请 15 分钟后再试，或联系单位进行解锁');
  await submitLogin(page, '个人用户', person.idNumber, person.password);
  await expect(loginError(page)).toHaveText(
    '账号已锁定，请 15 分钟后再试，或联系单位进行解锁（未选择单位的请联系平台）',
  );

  await unitPage.getByRole('button', { name: '搜索' }).click();
  await expect(row).toContainText('已锁定');
  await row.getByRole('button', { name: '解锁' }).click();
  await confirmBox(unitPage, `确定解锁“${person.name}”的账号吗？`);
  await expect(unitPage.getByText(`已解锁：${person.name}`)).toBeVisible();
  await expect(row).toContainText('正常');

  await submitLogin(page, '个人用户', person.idNumber, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  await expect(page.getByTestId('current-unit')).toHaveText(unit.unitName);

  // ── 移除: the person leaves the unit's list ──
  await row.getByRole('button', { name: '移除' }).click();
  await confirmBox(unitPage, `确定将“${person.name}”移除本单位吗？`);
  await expect(unitPage.getByText(`已移除：${person.name}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(unitPage.getByTestId('staff-table')).toContainText('暂无人员');
  await unitContext.close();

  await page.reload();
  await expect(page.getByTestId('current-unit')).toHaveText('尚未选择单位');
  await expect(formItem(page, '单位')).toBeVisible();
});
