import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { pdfPages } from '../test/pdf-text';
import JSZip from 'jszip';
import { approveViaApi, reviewerApi } from './desk-api';
import { loginUnit, newUnit, openMenu, submitLogin, tableRow } from './support';
import {
  adminLogin,
  openCommittee,
  archivistChoices,
  hrBureau,
  readyUnit,
  reviewerAccount,
  reviewerDesk,
  submittedApplication,
} from './review-support';

/**
 * 查看申报表 and 导出PDF (manual §4.2, §7.12): before the committee's stage the button says why it is
 * off; at 评委会电子材料审核 the committee and the applicant read 表十二 and print the form, and anyone
 * holding the paper checks it on the public page without logging in.
 */
test('sheet: 当前状态不能打印申报表 before the stage; at the committee 表十二 shows, the PDF prints and verifies', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committeeName = `云南省档案系列评委会打印${tag}`;

  const admin = await adminLogin(request);
  const countyId = await hrBureau(admin, `沾益区人力资源和社会保障局${tag}`, '530303');
  const cityId = await hrBureau(admin, `曲靖市人力资源和社会保障局${tag}`, '530300');
  const { committeeId, batchId } = await openCommittee(admin, committeeName);
  const county = await reviewerApi(
    browser,
    `zyprint${tag}`,
    await reviewerAccount(admin, 'hrBureau', countyId, `zyprint${tag}`),
  );
  const city = await reviewerApi(
    browser,
    `qjprint${tag}`,
    await reviewerAccount(admin, 'hrBureau', cityId, `qjprint${tag}`),
  );
  const committeeUser = `pwprint${tag}`;
  const committeePassword = await reviewerAccount(admin, 'committee', committeeId, committeeUser);
  const { titleId, specialtyId } = await archivistChoices(admin);

  const unit = newUnit();
  const { unitApi } = await readyUnit(browser, unit, '530303');
  const name = '龚䶮喆';
  const person = await submittedApplication(
    browser,
    { unitName: unit.unitName, batchId, titleId, specialtyId, year },
    name,
    '19880612',
  );
  const id = person.applicationId;

  // ── The unit, before the committee's stage: the button is off and says why ──
  await loginUnit(page, unit.creditCode, unit.password, unit.unitName);
  await page.goto(`/#/unit/review/application/${id}`);
  await expect(page.getByTestId('sheet-cover')).toContainText(name);
  const offButton = page.getByTestId('export-pdf').getByRole('button', { name: '导出PDF' });
  await expect(offButton).toBeDisabled();
  await page.getByTestId('export-pdf').hover();
  await expect(page.getByRole('tooltip')).toContainText(
    '当前状态不能打印申报表：审核进度到达“评委会电子材料审核”后才能导出',
  );

  // ── Through the unit (表十二), the county and the city ──
  const unitOpinion = '该同志政治素质好，业务能力强，经公示无异议，材料真实，同意推荐。';
  const current = await unitApi.get(`/api/review/applications/${id}/unit-opinion`);
  await unitApi.send(
    'PUT',
    `/api/review/applications/${id}/unit-opinion`,
    { version: current.version, unitOpinion },
    200,
  );
  await approveViaApi(unitApi, id, '同意推荐');
  await approveViaApi(county, id, '县区审核同意');
  await approveViaApi(city, id, '材料齐全，同意上报评委会');

  // ── The committee: 表十二, 表十七 and 导出PDF ──
  const desk = await reviewerDesk(browser, committeeUser, committeePassword, committeeName);
  await desk.goto(`/#/reviewer/review/application/${id}`);
  await expect(desk.getByTestId('sheet-table12')).toContainText(unitOpinion);
  await expect(desk.getByTestId('sheet-committee-record')).toContainText('表十四：中级职称评审委员会评审记录');
  for (const text of ['单位审核推荐意见', '县区审核同意', '材料齐全，同意上报评委会'])
    await expect(desk.getByTestId('sheet-recommendations')).toContainText(text);
  const downloading = desk.waitForEvent('download');
  await desk.getByTestId('export-pdf').getByRole('button', { name: '导出PDF' }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`申报评审表-${name}-${year}.pdf`);
  const pages = await pdfPages(await readFile((await download.path())!));
  expect(pages[0]).toContain(name);
  expect(pages.join('')).toContain(unitOpinion);
  const code = /核验码：([0-9A-Z-]{19})/.exec(pages[0]!)![1]!;

  // ── Anyone with the paper: the public page, no login ──
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/#/verify/${code}`);
  await expect(visitor.getByTestId('verify-result')).toContainText('与系统记录一致');
  const facts = visitor.getByTestId('verify-facts');
  await expect(facts).toContainText('龚**');
  await expect(facts).toContainText('馆员');
  await expect(facts).toContainText(`评委会电子材料审核中（${committeeName}）`);
  await expect(visitor.locator('body')).not.toContainText(name);
  await expect(visitor.locator('body')).not.toContainText(person.idNumber);
  await visitor.getByLabel('核验码').fill('2222-3333-4444-5555');
  await visitor.getByRole('button', { name: '核验' }).click();
  await expect(visitor.getByTestId('verify-error')).toContainText('核验码不存在');

  // ── The unit's 单位审核记录: 导出到YPPM5.0 of the checked application ──
  await page.goto('/#/unit/home');
  await openMenu(page, '单位审核记录');
  await tableRow(page, 'review-records-table', name).locator('.el-checkbox').click();
  await expect(page.getByTestId('selected-count')).toHaveText('已勾选 1 人');
  const packing = page.waitForEvent('download');
  await page.getByTestId('yppm-export').click();
  const pack = await packing;
  expect(pack.suggestedFilename()).toMatch(/^导出到YPPM-\d{12}\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await pack.path())!));
  expect(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort(),
  ).toEqual([`001-${name}/form.json`, `001-${name}/申报评审表.pdf`, '清单.xlsx']);
  const exported = JSON.parse(await zip.file(`001-${name}/form.json`)!.async('string'));
  expect(exported.unitOpinion).toBe(unitOpinion);

  // ── The applicant: the same document, 表十二 included, printable too ──
  const mine = await (await browser.newContext()).newPage();
  await submitLogin(mine, '个人用户', person.idNumber, person.password);
  await expect(mine).toHaveURL(/#\/applicant\/profile$/);
  await mine.goto(`/#/applicant/applications/${id}`);
  await mine.getByTestId('view-sheet').click();
  await expect(mine).toHaveURL(new RegExp(`#/applicant/applications/${id}/sheet$`));
  await expect(mine.getByTestId('sheet-table12')).toContainText(unitOpinion);
  await expect(mine.getByTestId('export-pdf').getByRole('button', { name: '导出PDF' }).first()).toBeEnabled();
});
