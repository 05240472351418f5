import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readSheet, unitDeskHeadings } from '../test/xlsx';
import { newUnit, openMenu, submitLogin, tableRow } from './support';
import {
  adminLogin,
  archivistChoices,
  hrBureau,
  openCommittee,
  readyUnit,
  submittedApplication,
  type Person,
} from './review-support';

/** Clicks 导出评审名单 and reads the file the browser saved. */
async function exported(page: Page): Promise<{ filename: string; rows: string[][] }> {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出评审名单' }).click();
  const download = await saved;
  await expect(page.getByText('评审名单已导出').last()).toBeVisible();
  return { filename: download.suggestedFilename(), rows: await readSheet(await readFile(await download.path())) };
}

/** 导出评审名单 on the unit's 单位审核: the file holds the desk's applications, then only those the search keeps. */
test('export: 导出评审名单 saves the desk as an .xlsx, with the search on screen', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-6);

  const admin = await adminLogin(request);
  await hrBureau(admin, `沾益区人力资源和社会保障局${tag}`, '530303');
  await hrBureau(admin, `曲靖市人力资源和社会保障局${tag}`, '530300');
  const { batchId, year } = await openCommittee(admin, `云南省档案系列评委会导出${tag}`);
  const { titleId, specialtyId } = await archivistChoices(admin);
  const unit = newUnit({ unitName: `沾益区导出档案馆${tag}` });
  await readyUnit(browser, unit, '530303');
  const choices = { unitName: unit.unitName, batchId, titleId, specialtyId, year };
  const people: Person[] = [];
  for (const [i, birth] of ['19860412', '19910823'].entries()) {
    people.push(await submittedApplication(browser, choices, `钱导${'甲乙'[i]}${tag.slice(-2)}`, birth));
  }

  await submitLogin(page, '单位用户', unit.creditCode, unit.password);
  await openMenu(page, '单位审核 - 申报评审');
  for (const p of people) await expect(tableRow(page, 'review-desk-table', p.name)).toHaveCount(1);

  const all = await exported(page);
  expect(all.filename).toMatch(/^评审名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(all.rows[0]).toEqual(unitDeskHeadings);
  // Newest submission first, as on the page.
  expect(all.rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
    ['1', people[1]!.name, unit.unitName],
    ['2', people[0]!.name, unit.unitName],
  ]);
  for (const [row, person] of [
    [all.rows[1]!, people[1]!],
    [all.rows[2]!, people[0]!],
  ] as const) {
    expect(row[3]).toBe(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);
    expect(row[5]).toBe('档案·馆员（中级）');
  }

  // Typed but not searched: the list on screen, and so the file, still has both.
  await page.getByLabel('姓名/身份证号').fill(people[0]!.name);
  expect((await exported(page)).rows).toHaveLength(3);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(tableRow(page, 'review-desk-table', people[1]!.name)).toHaveCount(0);
  const searched = await exported(page);
  expect(searched.rows.slice(1).map((r) => r[1])).toEqual([people[0]!.name]);
});
