import { expect, test } from '@playwright/test';
import { createApplicationViaApi, registerApplicantViaApi, saveTable, setUpOrganisations } from './application-support';
import { idNumberFor, submitLogin, uniquePhone } from './support';

test('application on a phone (375×812): a table is edited and saved, the page never scrolls sideways, labels sit above the fields', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const tag = String(Date.now()).slice(-6);
  const { batchId } = await setUpOrganisations(request, `云南省档案系列职称评审委员会手机${tag}`, { bureaus: false });
  const person = {
    name: `赵手机${tag.slice(-2)}`,
    idNumber: idNumberFor('19900305'),
    phone: uniquePhone(),
    password: `Ph@${tag}xy`,
  };
  await registerApplicantViaApi(request, person);
  await submitLogin(page, '个人用户', person.phone, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  const id = await createApplicationViaApi(page.request, batchId);

  await page.setViewportSize({ width: 375, height: 812 });
  /** Neither the document nor the 申报评审表 itself is wider than the screen: wide parts scroll in their own box. */
  const expectNoSidewaysScroll = async () => {
    // A string: the e2e project is type-checked without the DOM library.
    const widths = (await page.evaluate(`(() => {
      const own = document.querySelector('[data-testid=application-page]');
      return {
        document: document.documentElement.scrollWidth,
        window: window.innerWidth,
        page: own.scrollWidth,
        pageBox: own.clientWidth,
      };
    })()`)) as { document: number; window: number; page: number; pageBox: number };
    expect(widths.document, 'the document scrolls sideways').toBeLessThanOrEqual(widths.window);
    expect(widths.page, 'the 申报评审表 is wider than its place').toBeLessThanOrEqual(widths.pageBox);
  };

  // ── 表一, a row table: its columns scroll inside the table, not the page ──
  await page.goto(`/#/applicant/applications/${id}?section=table1`);
  const table1 = page.getByTestId('section-table1');
  await expect(table1).toBeVisible();
  // The title keeps several characters a line (squeezed beside the buttons it stood one a line).
  const title = page.getByRole('heading', { name: /专业技术职称申报评审表/ }).getByText('专业技术职称申报评审表');
  expect((await title.boundingBox())!.width).toBeGreaterThan(4 * 17);
  await table1.getByRole('button', { name: '新增行' }).click();
  await table1.getByLabel('学校或工作单位（第1行）').fill('昆明市档案馆');
  await table1.getByLabel('专业或职务（第1行）').fill('档案管理员');
  await saveTable(page, 'table1');
  await expectNoSidewaysScroll();
  await testInfo.attach('表一 at 375×812', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // ── 表二, a form: each label above its field ──
  await page.getByTestId('nav-table2').click();
  const table2 = page.getByTestId('section-table2');
  await expect(table2).toBeVisible();
  const label = (await table2.locator('label', { hasText: '民族' }).boundingBox())!;
  const field = (await table2.getByLabel('民族').boundingBox())!;
  expect(label.y + label.height).toBeLessThanOrEqual(field.y);
  await table2.getByLabel('民族').fill('汉族');
  await saveTable(page, 'table2');
  await expectNoSidewaysScroll();
  await testInfo.attach('表二 at 375×812', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
