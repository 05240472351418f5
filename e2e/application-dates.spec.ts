import { expect, test } from '@playwright/test';
import { createApplicationViaApi, registerApplicantViaApi, setUpOrganisations } from './application-support';
import { idNumberFor, submitLogin, uniquePhone } from './support';

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
  const tag = String(Date.now()).slice(-6);
  const { batchId } = await setUpOrganisations(request, `云南省档案系列职称评审委员会日期${tag}`, { bureaus: false });
  const person = {
    name: `孙日期${tag.slice(-2)}`,
    idNumber: idNumberFor('19870315'),
    phone: uniquePhone(),
    password: `Dt@${tag}xy`,
  };
  await registerApplicantViaApi(request, person);
  await submitLogin(page, '个人用户', person.phone, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  const id = await createApplicationViaApi(page.request, batchId);

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
