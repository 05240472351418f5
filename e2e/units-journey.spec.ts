import { expect, test, type Page } from '@playwright/test';
import { formatBeijingMinute } from '../web/src/utils/datetime';
import {
  chooseOption,
  dialog,
  formItem,
  loginAdmin,
  loginUnit,
  newUnit,
  openMenu,
  pickRegion,
  registerUnitViaApi,
  replaceTemporaryPassword,
  submitLogin,
  tableRow,
} from './support';

/** "YYYY-MM-DD HH:mm" in Beijing time, `days` from now at `hour`:00. */
function beijingDay(days: number, hour: number): string {
  const date = formatBeijingMinute(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10);
  return `${date} ${String(hour).padStart(2, '0')}:00`;
}

async function typeDate(page: Page, scope: ReturnType<typeof dialog>, label: string, value: string): Promise<void> {
  const input = formItem(scope, label).locator('input');
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test('units: the platform sets up organisations; a unit completes its information, its department approves it, it sees the open committee', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-6);
  const department = `玉溪市档案局主管部门${tag}`;
  const committee = `云南省档案系列职称评审委员会${tag}`;
  const reviewerName = `sup${tag}`;

  // ── The platform admin, in a browser of their own ──
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await loginAdmin(admin);

  // 主管部门
  await openMenu(admin, '主管部门');
  await admin.getByRole('button', { name: '新增', exact: true }).click();
  let box = dialog(admin, '新增主管部门');
  await box.getByLabel('主管部门名称').fill(department);
  await box.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByText(`已新增主管部门：${department}`)).toBeVisible();
  await expect(tableRow(admin, 'supervisor-table', department)).toHaveCount(1);

  // 人社局: a county one (红塔区) and a city one (玉溪市); the level follows the region. (Other journeys
  // use 昆明市 and 曲靖市: one region has one bureau.)
  await openMenu(admin, '人社局');
  await admin.getByRole('button', { name: '新增', exact: true }).click();
  box = dialog(admin, '新增人社局');
  await box.getByLabel('人社局名称').fill(`红塔区人力资源和社会保障局${tag}`);
  await pickRegion(admin, box, '行政区域', ['云南省', '玉溪市', '红塔区']);
  await expect(box).toContainText('级别：县区人社局');
  await box.getByRole('button', { name: '保存' }).click();
  await expect(tableRow(admin, 'hr-bureau-table', `红塔区人力资源和社会保障局${tag}`)).toContainText('县区人社局');
  await expect(tableRow(admin, 'hr-bureau-table', `红塔区人力资源和社会保障局${tag}`)).toContainText(
    '云南省 玉溪市 红塔区',
  );

  await admin.getByRole('button', { name: '新增', exact: true }).click();
  box = dialog(admin, '新增人社局');
  await box.getByLabel('人社局名称').fill(`玉溪市人力资源和社会保障局${tag}`);
  await pickRegion(admin, box, '行政区域', ['云南省', '玉溪市'], { stopAbove: true });
  await expect(box).toContainText('级别：州市人社局');
  await box.getByRole('button', { name: '保存' }).click();
  await expect(tableRow(admin, 'hr-bureau-table', `玉溪市人力资源和社会保障局${tag}`)).toContainText('州市人社局');

  // 评委会 with a batch open now (网报时间 picked in Beijing time).
  await openMenu(admin, '评委会');
  await admin.getByRole('button', { name: '新增评委会' }).click();
  box = dialog(admin, '新增评委会');
  await box.getByLabel('评委会名称').fill(committee);
  await chooseOption(admin, box, '职称系列', '档案');
  await box
    .locator('.el-checkbox')
    .filter({ hasText: /^中级$/ })
    .click();
  await box
    .locator('.el-checkbox')
    .filter({ hasText: /^副高级$/ })
    .click();
  await expect(formItem(box, '可打印申报表的审核节点')).toContainText('评委会电子材料审核');
  await box.getByLabel('通知').fill('具体申报通知请到省档案局官网下载，纸质材料按通知报送。');
  await box.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByText(`已新增评委会：${committee}`)).toBeVisible();
  const card = admin.getByTestId('committee-card').filter({ hasText: committee });
  await expect(card).toContainText('中级、副高级');
  await expect(card).toContainText('评委会电子材料审核');

  await card.getByRole('button', { name: '新增批次' }).click();
  box = dialog(admin, '新增年度批次');
  const opensAt = beijingDay(-1, 9);
  const closesAt = beijingDay(30, 18);
  await typeDate(admin, box, '网报开始时间', opensAt);
  await typeDate(admin, box, '网报截止时间', closesAt);
  await box.getByLabel('批次通知').fill(`网报时间：${opensAt} 至 ${closesAt}`);
  await box.getByRole('button', { name: '保存' }).click();
  await expect(card.getByTestId('batch-table')).toContainText(opensAt);
  await expect(card.getByTestId('batch-table')).toContainText(closesAt);
  await expect(card.getByTestId('batch-table')).toContainText('开放中');

  // 审核用户 of the department: the one-time password is shown once.
  await openMenu(admin, '审核用户');
  await admin.getByRole('button', { name: '新增', exact: true }).click();
  box = dialog(admin, '新增审核用户');
  await chooseOption(admin, box, '机构类型', '主管部门');
  await chooseOption(admin, box, '机构', department);
  await box.getByLabel('用户名').fill(reviewerName);
  await box.getByLabel('姓名').fill('李审核');
  await box.getByRole('button', { name: '保存' }).click();
  const otp = admin.getByTestId('one-time-password');
  await expect(otp).toContainText('该密码只显示这一次');
  const temporaryPassword = (await otp.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
  await otp.getByRole('button', { name: '我已记下' }).click();
  await expect(tableRow(admin, 'reviewer-table', reviewerName)).toContainText(department);
  await adminContext.close();

  // ── A new unit ──
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
  await expect(page.getByText('首次登录请完善单位信息')).toBeVisible();
  await page.getByRole('link', { name: '去完善单位信息' }).click();
  await expect(page).toHaveURL(/#\/unit\/info$/);

  await expect(
    page.getByText('单位信息非常重要，直接关系到个人用户的正确申报及后续的审核流程，请认真填写！'),
  ).toBeVisible();
  await expect(page.getByTestId('info-notes')).toContainText('非公经济组织单位等级一律选择县区级');
  await expect(page.getByTestId('info-notes')).toContainText('单位性质、等级、区域综合决定了后续审核流程');

  // 州市级 first, then 非公经济组织: the level turns to 县区级 and is locked.
  await chooseOption(page, page, '单位等级', '州市级');
  await chooseOption(page, page, '单位性质', '非公经济组织');
  await expect(formItem(page, '单位等级')).toContainText('县区级');
  await expect(formItem(page, '单位等级').locator('.el-select__wrapper')).toHaveClass(/is-disabled/);
  await expect(page.getByTestId('level-locked')).toHaveText('非公经济组织单位等级一律选择县区级');

  // Nothing uploaded yet: the licence is required.
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(formItem(page, '组织机构代码证或营业执照')).toContainText('请上传组织机构代码证或营业执照');

  await page
    .getByTestId('license-upload')
    .locator('input[type=file]')
    .setInputFiles({
      name: '营业执照.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
  await expect(page.getByText('上传成功')).toBeVisible();
  await expect(page.getByTestId('file-link')).toContainText('营业执照.pdf');
  await expect(page.getByTestId('file-link').getByRole('link', { name: '查看' })).toHaveAttribute(
    'href',
    /api\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );

  // A 事业单位 at 州市级 whose region stops at the city: the server refuses it.
  await chooseOption(page, page, '单位性质', '事业单位');
  await expect(formItem(page, '单位等级').locator('.el-select__wrapper')).not.toHaveClass(/is-disabled/);
  await chooseOption(page, page, '单位等级', '州市级');
  await pickRegion(page, page, '行政区域', ['云南省', '玉溪市'], { stopAbove: true });
  await page.getByLabel('地址').fill('玉溪市红塔区测试路1号');
  await page.getByLabel('备注').fill('测试单位');
  await expect(formItem(page, '备注')).toContainText('4 / 100');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(formItem(page, '行政区域')).toContainText('行政区域必须选到区县一级（否则将查找人社局失败）');

  await pickRegion(page, page, '行政区域', ['云南省', '玉溪市', '红塔区']);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByText('单位信息已保存')).toBeVisible();

  await openMenu(page, '首页');
  const info = page.getByTestId('unit-info');
  await expect(info).toContainText('事业单位');
  await expect(info).toContainText('州市级');
  await expect(info).toContainText('云南省 玉溪市 红塔区');
  await expect(info).toContainText('玉溪市红塔区测试路1号');
  await expect(page.getByText('首次登录请完善单位信息')).toHaveCount(0);

  // 主管单位: choose the department; until it approves, the unit's people cannot submit.
  await openMenu(page, '主管单位');
  await expect(page.getByTestId('supervisor-notes')).toContainText(
    '*注意：如果有主管部门就必须设置一个为默认主管部门，否则将无法进行申报！',
  );
  await page.getByRole('button', { name: '新增', exact: true }).click();
  box = dialog(page, '新增主管部门');
  await box.getByLabel('主管名称').fill(tag);
  await box.getByRole('button', { name: '搜索' }).click();
  await box.getByTestId('supervisor-candidates').locator('.el-table__body tr', { hasText: department }).click();
  await box.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已提交，请等待主管部门审核')).toBeVisible();
  const request_ = tableRow(page, 'supervisor-table', department);
  await expect(request_).toContainText('是');
  await expect(request_).toContainText('待审核');
  await expect(request_.getByRole('button', { name: '删除' })).toBeVisible();
  await expect(page.getByTestId('readiness')).toContainText('主管单位审核未通过');

  // ── The department's reviewer: first the one-time password must go ──
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await submitLogin(reviewer, '审核用户', reviewerName, temporaryPassword);
  await replaceTemporaryPassword(reviewer, '审核用户', reviewerName, temporaryPassword, `Sup#${tag}ok`);
  await expect(reviewer).toHaveURL(/#\/reviewer\/home$/);
  await expect(reviewer.getByTestId('org-name')).toHaveText(department);
  await openMenu(reviewer, '主管单位审核');
  await expect(formItem(reviewer, '审核状态')).toContainText('待审核');
  const pending = tableRow(reviewer, 'unit-request-table', unit.unitName);
  await expect(pending).toContainText(unit.creditCode);
  await expect(pending).toContainText('事业单位');
  await expect(pending).toContainText('州市级');
  await expect(pending).toContainText('云南省 玉溪市 红塔区');
  await pending.getByRole('button', { name: '审核' }).click();
  box = dialog(reviewer, '审核');
  // 不通过 needs an opinion.
  await box
    .locator('.el-radio')
    .filter({ hasText: /^不通过$/ })
    .click();
  await box.getByRole('button', { name: '提交' }).click();
  await expect(box).toContainText('审核不通过时请填写审核意见');
  await box
    .locator('.el-radio')
    .filter({ hasText: /^通过$/ })
    .click();
  await box.getByLabel('审核意见').fill('同意');
  await box.getByRole('button', { name: '提交' }).click();
  await expect(reviewer.getByText(`已审核通过：${unit.unitName}`)).toBeVisible();
  await expect(tableRow(reviewer, 'unit-request-table', unit.unitName)).toHaveCount(0);
  await chooseOption(reviewer, reviewer, '审核状态', '审核通过');
  await expect(tableRow(reviewer, 'unit-request-table', unit.unitName)).toContainText('审核通过');
  await reviewerContext.close();

  // ── The unit sees the approval and its message ──
  await page.reload();
  await expect(tableRow(page, 'supervisor-table', department)).toContainText('审核通过');
  await expect(tableRow(page, 'supervisor-table', department)).toContainText('审核意见：同意');
  await expect(tableRow(page, 'supervisor-table', department).getByRole('button', { name: '移除' })).toBeVisible();
  await expect(page.getByText('主管单位审核未通过')).toHaveCount(0);

  const badge = page.getByRole('menuitem', { name: /我的消息/ }).getByTestId('unread-badge');
  await expect(badge).toBeVisible();
  await openMenu(page, '我的消息');
  const message = tableRow(page, 'inbox-table', '已审核通过贵单位的主管单位申请');
  await expect(message).toContainText(department);
  await expect(message).toContainText('未读');
  await message.click();
  await expect(dialog(page, '消息详情')).toContainText(
    `主管部门【${department}】已审核通过贵单位的主管单位申请。审核意见：同意`,
  );
  await dialog(page, '消息详情').getByRole('button', { name: '关闭', exact: true }).click();
  await expect(message).toContainText('已读');
  await expect(badge).toBeHidden();

  // ── 首页: the open committee, found by keyword; a wrong keyword finds nothing ──
  await openMenu(page, '首页');
  const open = page.getByTestId('open-committee').filter({ hasText: committee });
  await expect(open).toContainText(`网报时间：${opensAt} 至 ${closesAt}（北京时间）`);
  await expect(open).toContainText(`网报时间：${opensAt} 至 ${closesAt}`);
  await page.getByLabel('关键字').fill(`职称评审委员会${tag}`);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByTestId('open-committee')).toHaveCount(1);
  await expect(page.getByTestId('open-committee')).toContainText(committee);
  await page.getByLabel('关键字').fill(`不存在的评委会${tag}`);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByTestId('open-committee')).toHaveCount(0);
  await expect(page.getByText(`没有找到与“不存在的评委会${tag}”相关的开评评委会`)).toBeVisible();
});
