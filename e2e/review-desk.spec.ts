import { expect, test } from '@playwright/test';
import { dialog, newUnit, openMenu, submitLogin, tableRow } from './support';
import {
  adminLogin,
  archivistChoices,
  hrBureau,
  readyUnit,
  reviewerAccount,
  reviewerDesk,
  submittedApplication,
  type Person,
} from './review-support';

/**
 * A desk with more than a page: the reviewer's 首页 counts what waits (by stage, by committee) with the
 * batch's deadline; the unit checks applications on two pages of 单位审核 and decides them all at once.
 */
test('desk: the reviewer’s 首页 sums up the desk; ticks survive paging and one 审核 decides every page’s', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committeeName = `云南省档案系列评委会桌面${tag}`;

  // ── The platform: the 沾益区 and 曲靖市 bureaus, a committee open now, a county 审核用户 ──
  const admin = await adminLogin(request);
  const countyId = await hrBureau(admin, `沾益区人力资源和社会保障局${tag}`, '530303');
  // The route goes on to the city: without its bureau nothing can be submitted.
  await hrBureau(admin, `曲靖市人力资源和社会保障局${tag}`, '530300');
  const countyOrg = ((await admin.get('/api/admin/hr-bureaus')) as unknown as { id: string; name: string }[]).find(
    (b) => b.id === countyId,
  )!.name;
  const committee = await admin.send(
    'POST',
    '/api/admin/committees',
    {
      name: committeeName,
      seriesCode: 'archives',
      titleLevels: ['intermediate'],
      printFromStage: 'committeeCheck',
      notice: '',
    },
    201,
  );
  const now = Date.now();
  const closesAt = new Date(now + 30 * 86_400_000);
  const batch = await admin.send(
    'POST',
    `/api/admin/committees/${committee.id}/batches`,
    { year, opensAt: new Date(now - 86_400_000).toISOString(), closesAt: closesAt.toISOString(), notice: '' },
    201,
  );
  const reviewerName = `zhanyi${tag}`;
  const reviewerPassword = await reviewerAccount(admin, 'hrBureau', countyId, reviewerName, `审核员${tag}`);
  const { titleId, specialtyId } = await archivistChoices(admin);

  // ── A 县区级 unit of 沾益区 and 13 applications: 2 go on to the county, 11 stay (two pages of 10) ──
  const unit = newUnit({ unitName: `沾益区测试档案馆${tag}` });
  const { unitApi } = await readyUnit(browser, unit, '530303');
  const choices = { unitName: unit.unitName, batchId: String(batch.id), titleId, specialtyId, year };
  const people: Person[] = [];
  // One after another: the desk lists the newest submission first, so people[0] ends up on page 2.
  for (let i = 0; i < 13; i++) {
    const birth = `1985${String(1 + (i % 12)).padStart(2, '0')}${String(10 + i).padStart(2, '0')}`;
    people.push(
      await submittedApplication(browser, choices, `周桌${'甲乙丙丁戊己庚辛壬癸子丑寅'[i]}${tag.slice(-2)}`, birth),
    );
  }
  for (const moved of people.slice(11)) {
    const held = await unitApi.get(`/api/review/applications/${moved.applicationId}/unit-opinion`);
    const saved = await unitApi.send(
      'PUT',
      `/api/review/applications/${moved.applicationId}/unit-opinion`,
      { version: held.version, unitOpinion: '该同志业务能力强，同意推荐。' },
      200,
    );
    await unitApi.send(
      'POST',
      '/api/review/decisions',
      { items: [{ id: moved.applicationId, version: saved.version }], action: 'approve', opinion: '' },
      200,
    );
  }

  // ── The county reviewer's 首页: 2 waiting, by stage and committee, the batch's 网报截止 ──
  const reviewerPage = await reviewerDesk(browser, reviewerName, reviewerPassword, countyOrg);
  await openMenu(reviewerPage, '首页');
  const summary = reviewerPage.getByTestId('desk-summary');
  await expect(summary.getByTestId('waiting-count')).toContainText('2');
  await expect(tableRow(reviewerPage, 'by-stage', '县区人社局审核')).toContainText('2');
  await expect(tableRow(reviewerPage, 'by-committee', committeeName)).toContainText('2');
  const deadline = tableRow(reviewerPage, 'deadlines', committeeName);
  await expect(deadline).toContainText('网报截止');
  await expect(deadline).toContainText(String(year));
  await expect(summary).not.toContainText('后续版本');
  await summary.getByRole('button', { name: '进入【申报审核】' }).click();
  await expect(reviewerPage).toHaveURL(/#\/reviewer\/review\/desk$/);
  await expect(tableRow(reviewerPage, 'review-desk-table', people[11]!.name)).toHaveCount(1);
  await expect(tableRow(reviewerPage, 'review-desk-table', people[12]!.name)).toHaveCount(1);

  // ── The unit checks three on page 1 and one on page 2; the ticks stay while paging ──
  await submitLogin(page, '单位用户', unit.creditCode, unit.password);
  await openMenu(page, '单位审核 - 申报评审');
  const desk = 'review-desk-table';
  const pager = page.locator('.zc-pager');
  await expect(pager).toContainText('共 11 条');
  const onFirst = [people[10]!, people[9]!, people[8]!];
  for (const p of onFirst) await tableRow(page, desk, p.name).locator('.el-checkbox').click();
  await expect(page.getByTestId('selected-count')).toHaveText('已勾选 3 人');
  await pager.getByRole('listitem', { name: '第 2 页' }).click();
  const last = tableRow(page, desk, people[0]!.name);
  await expect(last).toHaveCount(1);
  await last.locator('.el-checkbox').click();
  await expect(page.getByTestId('selected-count')).toHaveText('已勾选 4 人');
  await pager.getByRole('listitem', { name: '第 1 页' }).click();
  for (const p of onFirst) await expect(tableRow(page, desk, p.name).locator('.el-checkbox')).toHaveClass(/is-checked/);
  await expect(page.getByTestId('selected-count')).toHaveText('已勾选 4 人');

  // One 审核 decides all four, whichever page they were checked on.
  await page.getByRole('button', { name: '审核', exact: true }).click();
  const box = dialog(page, '审核');
  for (const p of [...onFirst, people[0]!]) await expect(box.getByTestId('decision-targets')).toContainText(p.name);
  await box
    .locator('.el-radio')
    .filter({ hasText: /^返回修改$/ })
    .click();
  await box.getByLabel('审核意见').fill('请补充近三年年度考核材料');
  await box.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('审核完成（返回修改）：共4人')).toBeVisible();
  await expect(page.getByTestId('selected-count')).toHaveText('已勾选 0 人');
  await expect(pager).toContainText('共 7 条');
  for (const p of [...onFirst, people[0]!]) await expect(tableRow(page, desk, p.name)).toHaveCount(0);
});
