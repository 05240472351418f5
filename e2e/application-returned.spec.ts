import { expect, test } from '@playwright/test';
import {
  apiClient,
  completeForm,
  completeUnitViaApi,
  createApplicationViaApi,
  fillApplicationViaApi,
  openSection,
  registerApplicantViaApi,
  saveTable,
  setUpOrganisations,
} from './application-support';
import { confirmBox, idNumberFor, newUnit, registerUnitViaApi, submitLogin, uniquePhone } from './support';

test('application returned: the unit returns it; the applicant edits the tables (not the cover or choices) and resubmits to the unit', async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(120_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const { batchId } = await setUpOrganisations(request, `云南省档案系列职称评审委员会返回${tag}`);

  const unit = newUnit({ unitName: `五华区返回修改测试馆${tag}` });
  await registerUnitViaApi(request, unit);
  const unitRequest = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const unitApi = await completeUnitViaApi(unitRequest, unit);

  // A submitted application, made through the API (the journey spec fills it through the pages).
  const person = {
    name: `孙返回${tag.slice(-2)}`,
    idNumber: idNumberFor('19870512'),
    phone: uniquePhone(),
    password: `Rt@${tag}xy`,
  };
  await registerApplicantViaApi(request, person);
  await submitLogin(page, '个人用户', person.idNumber, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  const me = await apiClient(page.request);
  const [found] = await me.get<{ unitId: string }[]>(
    `/api/applicants/unit-search?keyword=${encodeURIComponent(unit.unitName)}`,
  );
  await me.send('post', '/api/applicants/me/unit', { unitId: found!.unitId });
  const id = await createApplicationViaApi(page.request, batchId);
  await fillApplicationViaApi(me, id, completeForm(year, unit.unitName, person.name));
  const { version } = await me.get<{ version: number }>(`/api/applications/${id}`);
  await me.send('post', `/api/applications/${id}/submit`, { version });

  // The unit returns it with an opinion.
  const atUnit = await unitApi.get<{ version: number }>(`/api/applications/${id}`);
  await unitApi.send('post', '/api/review/decisions', {
    items: [{ id, version: atUnit.version }],
    action: 'return',
    opinion: '请补充表四的工作成效',
  });
  await unitRequest.dispose();

  // ── The applicant sees it returned ──
  await page.goto(`/#/applicant/applications/${id}`);
  await expect(page.getByTestId('application-status')).toHaveText('返回修改');
  await expect(page.getByTestId('returned-banner')).toContainText(`已被${unit.unitName}返回修改`);
  await expect(page.getByTestId('returned-banner')).toContainText('封面和申报信息不能修改');
  const log = page.getByTestId('review-log');
  await expect(log.getByTestId('review-entry')).toHaveCount(2);
  await expect(log.getByTestId('review-entry').nth(1)).toContainText('单位审核');
  await expect(log.getByTestId('review-entry').nth(1)).toContainText('【返回修改】');
  await expect(log.getByTestId('review-entry').nth(1)).toContainText('第1次返回修改或重置流程');
  await expect(log.getByTestId('review-entry').nth(1)).toContainText('审核意见：请补充表四的工作成效');

  // 申报信息 stays read-only; the tables can be edited.
  await openSection(page, 'choices');
  await expect(page.getByTestId('section-choices')).toContainText('需要当前审核部门【重置流程】后方可修改');
  await expect(page.getByRole('button', { name: '保存申报信息' })).toHaveCount(0);
  await openSection(page, 'table4');
  await page.getByTestId('section-table4').getByLabel('成效（第1行）').fill('完成3万页档案数字化，通过市档案局验收。');
  await saveTable(page, 'table4');

  // Resubmitted: straight back to the unit that returned it.
  await openSection(page, 'check');
  await expect(page.getByTestId('check-clean')).toBeVisible();
  await page.getByTestId('submit').click();
  await confirmBox(page, '修改后提交将直接回到返回修改的审核环节');
  await expect(page.getByTestId('application-status')).toHaveText('审核中');
  await expect(page.getByTestId('where-now')).toHaveText(`单位审核中（${unit.unitName}）`);
  await expect(log.getByTestId('review-entry')).toHaveCount(3);
  await expect(log.getByTestId('review-entry').nth(2)).toContainText('个人提交【提交】');
});
