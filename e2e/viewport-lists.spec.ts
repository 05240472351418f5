import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { newUnit, openMenu, submitLogin } from './support';
import { fits, rowOf, viewports } from './viewport-support';
import {
  adminLogin,
  archivistChoices,
  hrBureau,
  readyUnit,
  reviewerAccount,
  reviewerDesk,
  submittedApplication,
  submitDecision,
} from './review-support';

/**
 * The lists from a phone to a 1366 laptop: one decision on a unit's 单位审核 desk, at 375×812 (each row a card)
 * and at 1366×768 (the table beside the side menu), then the unit's 单位审核记录 and the county's 申报审核.
 * At both sizes no page scrolls sideways; at 1366 the columns a reviewer decides by, and the 审核记录 link,
 * are in sight without scrolling the table.
 */

/** A header cell of the table lies inside the table's visible box and left of the fixed 操作 column. */
async function expectColumnInSight(table: Locator, label: string): Promise<void> {
  const header = table.locator('.el-table__header-wrapper th').filter({ hasText: new RegExp(`^${label}$`) });
  await expect(header).toBeVisible();
  const box = (await header.boundingBox())!;
  const frame = (await table.locator('.el-table').boundingBox())!;
  expect(box.x, `${label} starts inside the table`).toBeGreaterThanOrEqual(frame.x - 1);
  expect(box.x + box.width, `${label} ends inside the table`).toBeLessThanOrEqual(frame.x + frame.width + 1);
  const fixed = table.locator('.el-table__header-wrapper th.el-table-fixed-column--right').first();
  if (
    (await fixed.count()) > 0 &&
    !((await header.getAttribute('class')) ?? '').includes('el-table-fixed-column--right')
  ) {
    const fixedBox = (await fixed.boundingBox())!;
    expect(box.x + box.width, `${label} is not under the fixed 操作 column`).toBeLessThanOrEqual(fixedBox.x + 1);
  }
}

/** A link of a row lies whole inside its cell (the cell would clip it). */
async function expectNotClipped(link: Locator): Promise<void> {
  await expect(link).toBeVisible();
  const box = (await link.boundingBox())!;
  const cell = (await link.locator('xpath=ancestor::td[1]').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(cell.x);
  expect(box.x + box.width).toBeLessThanOrEqual(cell.x + cell.width);
  expect(box.y + box.height).toBeLessThanOrEqual(cell.y + cell.height);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

for (const size of viewports) {
  test(`lists at ${size.width}×${size.height}: a unit decides on 单位审核; records and the county's desk fit`, async ({
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(180_000);
    const phone = size.width < 768;
    const viewport = { width: size.width, height: size.height };
    const tag = `${String(Date.now()).slice(-6)}${phone ? 'p' : 'l'}`;
    const year = new Date().getFullYear();
    const committeeName = `云南省档案系列职称评审委员会视口${tag}`;

    // ── The platform (API): 马龙区 and 曲靖市 bureaus, a committee open now, the county's 审核用户 ──
    const admin = await adminLogin(request);
    const countyId = await hrBureau(admin, `马龙区人力资源和社会保障局${tag}`, '530304');
    await hrBureau(admin, `曲靖市人力资源和社会保障局${tag}`, '530300');
    const countyOrg = ((await admin.get('/api/admin/hr-bureaus')) as unknown as { id: string; name: string }[]).find(
      (b) => b.id === countyId,
    )!.name;
    const committee = await admin.send(
      'POST',
      '/api/admin/committees',
      { name: committeeName, seriesCode: 'archives', titleLevels: ['intermediate'], printFromStage: 'committeeCheck' },
      201,
    );
    const now = Date.now();
    const batch = await admin.send(
      'POST',
      `/api/admin/committees/${committee.id}/batches`,
      {
        year,
        opensAt: new Date(now - 86_400_000).toISOString(),
        closesAt: new Date(now + 86_400_000 * 30).toISOString(),
      },
      201,
    );
    const reviewerName = `malong${tag}`;
    const reviewerPassword = await reviewerAccount(admin, 'hrBureau', countyId, reviewerName, `审核员${tag}`);
    const { titleId, specialtyId } = await archivistChoices(admin);

    // ── A 马龙区 unit, one application submitted, its 基层意见 saved (API) ──
    const unit = newUnit({ unitName: `马龙区视口测试档案馆${tag}` });
    const { unitApi } = await readyUnit(browser, unit, '530304');
    const choices = { unitName: unit.unitName, batchId: String(batch.id), titleId, specialtyId, year };
    const person = await submittedApplication(browser, choices, `吴视口${tag.slice(-3)}`, '19870615');
    const held = await unitApi.get(`/api/review/applications/${person.applicationId}/unit-opinion`);
    await unitApi.send(
      'PUT',
      `/api/review/applications/${person.applicationId}/unit-opinion`,
      { version: held.version, unitOpinion: '该同志业务能力强，同意推荐。' },
      200,
    );

    // ── 单位审核 - 申报评审 at this size: the row (or card), then 审核 → 通过 ──
    const page = await (await browser.newContext({ viewport })).newPage();
    await submitLogin(page, '单位用户', unit.creditCode, unit.password);
    await expect(page).toHaveURL(/#\/unit\/home$/);
    await openMenu(page, '单位审核 - 申报评审');
    const desk = 'review-desk-table';
    const row = rowOf(page, desk, person.name, phone);
    await expect(row).toContainText('已填写');
    await expect(row).toContainText('馆员（中级）');
    await expect(row).toContainText(committeeName);
    await fits(page, testInfo, `单位审核 fits ${size.width}×${size.height}`);
    if (phone) {
      await expect(page.getByTestId(desk).locator('.el-table')).toHaveCount(0);
      await expect(row.getByRole('button', { name: '基层意见' })).toBeVisible();
    } else {
      for (const label of ['姓名', '申报职称', '评委会', '提交时间', '基层意见'])
        await expectColumnInSight(page.getByTestId(desk), label);
      for (const action of ['查看申报表', '附件', '审核记录', '基层意见'])
        await expectNotClipped(row.getByRole('button', { name: action }));
    }
    await attachScreenshot(page, testInfo, `单位审核 ${size.width}×${size.height}`);
    await row.locator('.el-checkbox').click();
    await expect(page.getByTestId('selected-count')).toHaveText('已勾选 1 人');
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await submitDecision(page, [person.name], '通过', '同意推荐');
    await expect(rowOf(page, desk, person.name, phone)).toHaveCount(0);
    await expect(page.getByTestId(desk)).toContainText('暂无待审核的申报');

    // ── 单位审核记录: 当前进度 and the 审核记录 link ──
    await openMenu(page, '单位审核记录');
    const records = 'review-records-table';
    const record = rowOf(page, records, person.name, phone);
    await expect(record).toContainText(`县区人社局审核中（${countyOrg}）`);
    await fits(page, testInfo, `单位审核记录 fits ${size.width}×${size.height}`);
    if (!phone) {
      for (const label of ['姓名', '申报职称', '评委会', '当前进度'])
        await expectColumnInSight(page.getByTestId(records), label);
      await expectNotClipped(record.getByRole('button', { name: '审核记录' }));
    }
    await attachScreenshot(page, testInfo, `单位审核记录 ${size.width}×${size.height}`);
    await record.getByRole('button', { name: '审核记录' }).click();
    const drawer = page.getByTestId('review-log-drawer');
    await expect(drawer.getByTestId('where-now')).toContainText(`县区人社局审核中（${countyOrg}）`);

    // ── The county's 申报审核: 职称, 评委会 and 提交时间 in sight ──
    const county = await reviewerDesk(browser, reviewerName, reviewerPassword, countyOrg);
    await county.setViewportSize(viewport);
    const waiting = rowOf(county, desk, person.name, phone);
    await expect(waiting).toContainText(unit.unitName);
    await expect(waiting).toContainText(String(year));
    await fits(county, testInfo, `申报审核 fits ${size.width}×${size.height}`);
    if (!phone) {
      for (const label of ['姓名', '所属单位', '申报职称', '评委会', '提交时间'])
        await expectColumnInSight(county.getByTestId(desk), label);
      for (const action of ['查看申报表', '附件', '审核记录'])
        await expectNotClipped(waiting.getByRole('button', { name: action }));
    }
    await attachScreenshot(county, testInfo, `申报审核 ${size.width}×${size.height}`);
  });
}
