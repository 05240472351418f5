import { expect, test } from '@playwright/test';
import { signedInWithDraft } from './application-support';

/**
 * The form's dates as the declaration checks them: a typed month that does not exist is refused with
 * its reason (the picker alone would roll 2014-13 over into 2015-01), and an end before its start is
 * among what the table still lacks.
 */
test('application dates: 2014-13 is refused, not rolled over; an end before its start is named', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { id } = await signedInWithDraft(page, request, { committee: '日期', surname: '孙日期', birth: '19870315' });

  await page.goto(`/#/applicant/applications/${id}?section=table1`);
  const table1 = page.getByTestId('section-table1');
  await table1.getByRole('button', { name: '新增行' }).click();
  const start = table1.getByLabel('起始时间（第1行）');
  await start.fill('2014-13');
  await start.press('Enter');
  await expect(table1.getByRole('alert')).toHaveText('月份应为01至12，“2014-13”不是有效的月份');
  await expect(start).not.toHaveValue('2015-01');

  await start.fill('2014-09');
  await start.press('Enter');
  await expect(start).toHaveValue('2014-09');
  await expect(table1.getByRole('alert')).toHaveCount(0);
  const end = table1.getByLabel('结束时间（第1行）');
  await end.fill('2010-07');
  await end.press('Enter');
  await expect(end).toHaveValue('2010-07');
  await expect(table1.getByTestId('table-issues')).toContainText('第1行结束时间早于起始时间');
  await end.fill('2018-07');
  await end.press('Enter');
  await expect(table1.getByTestId('table-issues')).not.toContainText('结束时间早于起始时间');
});
