import { expect, test } from '@playwright/test';
import { confirmBox, dialog, formItem, newUnit, openMenu, submitLogin, tableRow } from './support';
import {
  adminLogin,
  archivistChoices,
  openCommittee,
  reviewerAccount,
  hrBureau,
  submittedApplication,
  reviewerDesk,
  decide,
  submitDecision,
  readyUnit,
} from './review-support';

/**
 * The review side (manual §4, §5): the unit's 单位审核 - 申报评审 with 基层意见, a multi-person 审核 with one
 * failure, a decision refused because the application changed meanwhile, 不通过; the county bureau, the
 * city bureau's 返回修改 and the resubmission that lands back there; the committee's 通过; 审核记录.
 * Organisations and the applicants' forms are set up through the API; every review step is in the pages.
 */

test('review: 单位审核 with 基层意见, the county and city bureaus (返回修改 and back), the committee; 不通过 and 审核记录', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committeeName = `云南省档案系列职称评审委员会${tag}`;

  // ── The platform: 麒麟区 and 曲靖市 bureaus, a committee open now, three 审核用户 ──
  const admin = await adminLogin(request);
  const countyName = `麒麟区人力资源和社会保障局${tag}`;
  const cityName = `曲靖市人力资源和社会保障局${tag}`;
  const countyId = await hrBureau(admin, countyName, '530302');
  const cityId = await hrBureau(admin, cityName, '530300');
  const bureaus = (await admin.get('/api/admin/hr-bureaus')) as unknown as { id: string; name: string }[];
  const countyOrg = bureaus.find((b) => b.id === countyId)!.name;
  const cityOrg = bureaus.find((b) => b.id === cityId)!.name;
  const { committeeId, batchId } = await openCommittee(admin, committeeName, ['intermediate', 'associateSenior']);
  const reviewer = (orgKind: string, orgId: string, username: string) =>
    reviewerAccount(admin, orgKind, orgId, username);
  const countyUser = `county${tag}`;
  const cityUser = `city${tag}`;
  const committeeUser = `committee${tag}`;
  const countyPassword = await reviewer('hrBureau', countyId, countyUser);
  const cityPassword = await reviewer('hrBureau', cityId, cityUser);
  const committeePassword = await reviewer('committee', committeeId, committeeUser);
  const { titleId, specialtyId } = await archivistChoices(admin);

  // ── A 县区级 unit of 麒麟区 without a supervising department: 单位 → 县区 → 州市 → 评委会 ──
  const unit = newUnit({ unitName: `麒麟区测试档案馆${tag}` });
  const { unitContext, unitApi } = await readyUnit(browser, unit, '530302');

  const choices = { unitName: unit.unitName, batchId, titleId, specialtyId, year };
  const first = await submittedApplication(browser, choices, `钱通过${tag.slice(-2)}`, '19880512');
  const second = await submittedApplication(browser, choices, `孙不过${tag.slice(-2)}`, '19910823');

  // ── 单位审核 - 申报评审 ──
  await submitLogin(page, '单位用户', unit.creditCode, unit.password);
  await expect(page).toHaveURL(/#\/unit\/home$/);
  await openMenu(page, '单位审核 - 申报评审');
  const desk = 'review-desk-table';
  const firstRow = tableRow(page, desk, first.name);
  await expect(firstRow).toContainText(unit.unitName);
  await expect(firstRow).toContainText(String(year));
  await expect(firstRow).toContainText(`${first.idNumber.slice(0, 4)}**********${first.idNumber.slice(-4)}`);
  await expect(firstRow).toContainText('档案');
  await expect(firstRow).toContainText('馆员（中级）');
  await expect(firstRow).toContainText(committeeName);
  await expect(firstRow).toContainText('未填写');
  await expect(tableRow(page, desk, second.name)).toHaveCount(1);

  // 基层意见 (④): at most 1000 characters, then 保存.
  await firstRow.getByRole('button', { name: '基层意见' }).click();
  let box = dialog(page, `基层意见 - ${first.name}`);
  const unitOpinion = '该同志政治素质好，业务能力强，经公示无异议，同意推荐。';
  await box.getByLabel('基层意见').fill(unitOpinion);
  await expect(box).toContainText(`${unitOpinion.length} / 1000`);
  await box.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`基层意见已保存：${first.name}`)).toBeVisible();
  await expect(box).toBeHidden();
  await expect(firstRow).toContainText('已填写');

  // 附件 (②③): the category buttons, then the files of one.
  await firstRow.getByRole('button', { name: '附件' }).click();
  box = dialog(page, `附件材料 - ${first.name}`);
  await box.getByTestId('attachment-category').filter({ hasText: '学历学位证书（1）' }).click();
  await expect(box.getByTestId('attachment-list')).toContainText('学历学位证书 - 附件列表');
  await expect(box.getByTestId('attachment-file')).toContainText('hrEducation.pdf');
  await expect(box.getByTestId('attachment-file').getByRole('link', { name: '查看' })).toHaveAttribute(
    'href',
    new RegExp(`api/applications/${first.applicationId}/attachments/\\d+/file`),
  );
  await expect(box.getByTestId('attachment-category').filter({ hasText: '获奖（0）' })).toBeDisabled();
  await expect(box.getByTestId('attachment-preview').getByRole('link', { name: '在新窗口中打开' })).toBeVisible();
  await box.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(box).toBeHidden();

  // 查看申报表 (§4.2): the cover, the tables, 表十二 and the note about small screens.
  await firstRow.getByRole('button', { name: '查看申报表' }).click();
  await expect(page).toHaveURL(new RegExp(`#/unit/review/application/${first.applicationId}$`));
  await expect(page.getByTestId('zoom-note')).toContainText(
    '小屏幕电脑可能会出现按钮显示不全，在浏览器中按住 Ctrl 并滚动鼠标滚轮即可缩放页面显示按钮',
  );
  const cover = page.getByTestId('sheet-cover');
  for (const text of [first.name, unit.unitName, '档案', '馆员', '档案学', `${year}年`])
    await expect(cover).toContainText(text);
  await expect(page.getByTestId('sheet-table1')).toContainText('表一：主要学习和工作经历');
  await expect(page.getByTestId('sheet-table1')).toContainText('2012-08 — 至今');
  await expect(page.getByTestId('sheet-table2')).toContainText('中共党员');
  await expect(page.getByTestId('sheet-table8')).toContainText('数字档案馆建设的实践与思考');
  await expect(page.getByTestId('sheet-table10')).toContainText('本人郑重承诺');
  await expect(page.getByTestId('sheet-table11')).toContainText('合格');
  await expect(page.getByTestId('sheet-table12')).toContainText(unitOpinion);
  await expect(page.getByTestId('sheet-attachments')).toContainText('人社局要求附件');
  await expect(page.getByTestId('application-state')).toContainText(`单位审核中（${unit.unitName}）`);
  await expect(page.getByRole('button', { name: '审核', exact: true })).toBeVisible();
  await expect(page.getByTestId('export-pdf').getByRole('button', { name: '导出PDF' })).toBeDisabled();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/unit\/review\/evaluation$/);

  // ⑤⑥⑦ both checked, 通过: the one without 基层意见 is refused, the other goes on.
  await decide(page, desk, [first.name, second.name], '通过', '同意推荐');
  box = dialog(page, '审核');
  await expect(box).toContainText('审核完成1人，1人未能审核');
  await expect(box.getByTestId('decision-failures')).toContainText(second.name);
  await expect(box.getByTestId('decision-failures')).toContainText('请先填写并保存基层意见（表十二）');
  await box.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(box).toBeHidden();
  await expect(tableRow(page, desk, first.name)).toHaveCount(0);
  await expect(tableRow(page, desk, second.name)).toHaveCount(1);

  // 查看申报表 of the one without 基层意见: its 审核 does not offer 通过, and says why.
  await tableRow(page, desk, second.name).getByRole('button', { name: '查看申报表' }).click();
  await page.getByRole('button', { name: '审核', exact: true }).click();
  box = dialog(page, '审核');
  await expect(box.getByTestId('approve-needs-opinion')).toContainText(
    '请先填写并保存基层意见（表十二），保存后方可选择【通过】',
  );
  await expect(box.getByRole('radio', { name: '通过', exact: true })).toHaveCount(0);
  await expect(box.getByRole('radio', { name: '返回修改', exact: true })).toHaveCount(1);
  await box.getByRole('button', { name: '取消' }).click();
  await expect(box).toBeHidden();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/unit\/review\/evaluation$/);

  // Meanwhile the application changes elsewhere (基层意见 saved in another window): the decision is refused.
  const held = await unitApi.get(`/api/review/applications/${second.applicationId}/unit-opinion`);
  await unitApi.send(
    'PUT',
    `/api/review/applications/${second.applicationId}/unit-opinion`,
    { version: held.version, unitOpinion: '经核实，该同志不符合申报条件。' },
    200,
  );
  await tableRow(page, desk, second.name).locator('.el-checkbox').click();
  await page.getByRole('button', { name: '审核', exact: true }).click();
  box = dialog(page, '审核');
  await expect(box.getByTestId('unit-opinion-note')).toHaveText(
    '此处填写的审核意见即为申报表中最后一页【单位审核推荐意见】',
  );
  await expect(box).toContainText('不给申报人通过（当年申报直接失败！）');
  await expect(box).toContainText('将申报人的材料彻底退回，适用于申报人修改单位信息、申报评委会、专业、等级信息');
  await box
    .locator('.el-radio')
    .filter({ hasText: /^不通过$/ })
    .click();
  await box.getByRole('button', { name: '提交' }).click();
  await expect(formItem(box, '审核意见')).toContainText('除“通过”外，请填写审核意见');
  await box.getByLabel('审核意见').fill('不符合申报条件');
  await box.getByRole('button', { name: '提交' }).click();
  // The confirmation, then at once the answer: the application changed.
  await page
    .locator('.el-message-box')
    .filter({ hasText: `确定不通过“${second.name}”的申报吗？` })
    .getByRole('button', { name: '确定' })
    .click();
  const refused = page.locator('.el-message-box').filter({ hasText: '审核未完成' });
  await expect(refused).toContainText('该申报已发生变化（可能已被他人审核），请刷新后查看最新状态');
  await expect(refused).toContainText(`当前进度：单位审核中（${unit.unitName}）`);
  await refused.getByRole('button', { name: '知道了' }).click();
  await expect(refused).toBeHidden();

  // The list shows it as it is now: 不通过 again.
  await decide(page, desk, [second.name], '不通过', '不符合申报条件');
  await confirmBox(page, `确定不通过“${second.name}”的申报吗？`);
  await expect(page.getByText(`审核完成（不通过）：${second.name}`)).toBeVisible();
  await expect(page.getByTestId(desk)).toContainText('暂无待审核的申报');

  // 单位审核记录: both, where they are now; the 审核记录 of the one that failed.
  await openMenu(page, '单位审核记录');
  const records = 'review-records-table';
  await expect(tableRow(page, records, first.name)).toContainText(`县区人社局审核中（${countyOrg}）`);
  await expect(tableRow(page, records, second.name)).toContainText('审核不通过');
  await tableRow(page, records, second.name).getByRole('button', { name: '审核记录' }).click();
  let drawer = page.getByTestId('review-log-drawer');
  await expect(drawer.getByTestId('where-now')).toContainText('当前进度：审核不通过，本年度该系列该等级不能再次申报');
  await expect(drawer.getByTestId('review-log-entry')).toHaveCount(2);
  await expect(drawer.getByTestId('review-log-entry').nth(0)).toContainText('✓个人提交【提交】');
  await expect(drawer.getByTestId('review-log-entry').nth(1)).toContainText('✗单位审核【不通过】');
  await expect(drawer.getByTestId('review-log-entry').nth(1)).toContainText('审核意见：不符合申报条件');
  await expect(drawer.getByTestId('review-log-entry').nth(1)).toContainText(`审核单位：${unit.unitName}`);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await openMenu(page, '考核定职 - 审核记录');
  await expect(page.getByTestId(records)).toContainText('暂无审核记录');

  // ── The county bureau: 通过 ──
  const county = await reviewerDesk(browser, countyUser, countyPassword, countyOrg);
  await expect(tableRow(county, desk, first.name)).toContainText(committeeName);
  await expect(tableRow(county, desk, second.name)).toHaveCount(0);
  await expect(county.getByRole('button', { name: '基层意见' })).toHaveCount(0);
  await decide(county, desk, [first.name], '通过', '');
  await expect(county.getByText(`审核完成（通过）：${first.name}`)).toBeVisible();
  await expect(county.getByTestId(desk)).toContainText('暂无待审核的申报');
  await county.context().close();

  // ── The city bureau: 返回修改 ──
  const city = await reviewerDesk(browser, cityUser, cityPassword, cityOrg);
  const returnOpinion = '请补充近五年年度考核登记表';
  await decide(city, desk, [first.name], '返回修改', returnOpinion);
  await expect(city.getByText(`审核完成（返回修改）：${first.name}`)).toBeVisible();
  await expect(city.getByTestId(desk)).toContainText('暂无待审核的申报');

  // The applicant corrects a table and submits again: it goes straight back to the city.
  const returned = await first.api.get(`/api/applications/${first.applicationId}`);
  expect(returned.whereNow).toBe(`已被${cityOrg}返回修改，修改后提交将直接回到州市人社局审核`);
  const edited = await first.api.send(
    'PUT',
    `/api/applications/${first.applicationId}/tables/table3`,
    { version: returned.version, data: { summary: `${returned.form.table3.summary}补充说明。` } },
    200,
  );
  await first.api.send('POST', `/api/applications/${first.applicationId}/submit`, { version: edited.version }, 200);

  // Back at the city: 通过 from 查看申报表, where only the decisions it may take are offered.
  await city.getByRole('button', { name: '搜索' }).click();
  await tableRow(city, desk, first.name).getByRole('button', { name: '查看申报表' }).click();
  await expect(city).toHaveURL(new RegExp(`#/reviewer/review/application/${first.applicationId}$`));
  await expect(city.getByTestId('sheet-table3')).toContainText('补充说明。');
  await expect(city.getByTestId('application-state')).toContainText(`州市人社局审核中（${cityOrg}）`);
  await expect(city.getByTestId('application-state')).toContainText('共1次');
  await expect(city.getByTestId('sheet-recommendations')).toContainText('同意推荐');
  await city.getByRole('button', { name: '审核', exact: true }).click();
  await submitDecision(city, [first.name], '通过', '同意，报评委会');
  await expect(city.getByText(`审核完成（通过）：${first.name}`)).toBeVisible();
  await expect(city.getByTestId('application-state')).toContainText(`评委会电子材料审核中（${committeeName}）`);
  await expect(city.getByRole('button', { name: '审核', exact: true })).toHaveCount(0);
  await openMenu(city, '审核记录');
  await expect(tableRow(city, records, first.name)).toContainText(`评委会电子材料审核中（${committeeName}）`);
  await city.context().close();

  // ── The committee: 通过 ──
  const committeePage = await reviewerDesk(browser, committeeUser, committeePassword, committeeName);
  await decide(committeePage, desk, [first.name], '通过', '材料齐全');
  await expect(committeePage.getByText(`审核完成（通过）：${first.name}`)).toBeVisible();
  await openMenu(committeePage, '审核记录');
  await expect(tableRow(committeePage, records, first.name)).toContainText('评委会电子材料审核已通过');
  await committeePage.context().close();

  // ── The unit's 审核记录 of the first: every step, the 返回修改 counted ──
  await openMenu(page, '单位审核记录');
  await tableRow(page, records, first.name).getByRole('button', { name: '审核记录' }).click();
  drawer = page.getByTestId('review-log-drawer');
  await expect(drawer.getByTestId('where-now')).toContainText('当前进度：评委会电子材料审核已通过');
  const entries = drawer.getByTestId('review-log-entry');
  await expect(entries).toHaveCount(7);
  const expected = [
    '✓个人提交【提交】',
    '✓单位审核【通过】',
    '✓县区人社局审核【通过】',
    '✗州市人社局审核【返回修改】第1次返回修改或重置流程',
    '✓个人提交【提交】',
    '✓州市人社局审核【通过】',
    '✓评委会电子材料审核【通过】',
  ];
  for (const [i, text] of expected.entries())
    await expect(entries.nth(i).getByTestId('review-log-head')).toHaveText(text);
  await expect(entries.nth(1)).toContainText('审核意见：同意推荐');
  await expect(entries.nth(3)).toContainText(`审核单位：${cityOrg}`);
  await expect(entries.nth(3)).toContainText(`审核意见：${returnOpinion}`);
  await expect(entries.nth(3)).toContainText(`审核人：审核员${cityUser}`);
  await expect(entries.nth(3)).toContainText(/审核时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await unitContext.close();
});
