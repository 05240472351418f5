import { expect, test, type Route } from '@playwright/test';
import {
  adminApi,
  confirmBox,
  dialog,
  loginAdmin,
  loginUnit,
  newUnit,
  openMenu,
  registerUnitViaApi,
  tableRow,
} from './support';

test('admin: an unused 主管部门, 人社局 or 批次 is deleted; a used one is refused with why, and disabled instead', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = String(Date.now()).slice(-6);
  const unused = `无人使用的主管部门${tag}`;
  const used = `有审核用户的主管部门${tag}`;
  const active = `可选择的主管部门${tag}`;
  const bureau = `隆阳区人社局${tag}`;
  const committee = `停用测试评委会${tag}`;

  const api = await adminApi(request);
  await api.post('/api/admin/supervisors', { name: unused });
  await api.post('/api/admin/supervisors', { name: active });
  const usedId = ((await api.post('/api/admin/supervisors', { name: used })) as { id: string }).id;
  await api.post('/api/admin/reviewers', {
    orgKind: 'supervisor',
    orgId: usedId,
    username: `dis${tag}`,
    displayName: '停用测试',
  });
  // 保山市隆阳区: no other journey sets up a bureau there (one region has one bureau).
  await api.post('/api/admin/hr-bureaus', { name: bureau, regionCode: '530502' });
  const committeeId = (
    (await api.post('/api/admin/committees', {
      name: committee,
      seriesCode: 'archives',
      titleLevels: ['intermediate'],
      printFromStage: 'committeeCheck',
    })) as { id: string }
  ).id;
  await api.post(`/api/admin/committees/${committeeId}/batches`, {
    year: 2026,
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
  });

  await loginAdmin(page);

  // 主管部门: the used one is refused (it has a 审核用户) and disabled instead; the unused one goes.
  await openMenu(page, '主管部门');
  await page.getByLabel('关键字').fill(tag);
  await page.getByRole('button', { name: '搜索' }).click();
  const usedRow = tableRow(page, 'supervisor-table', used);
  await expect(usedRow).toContainText('正常');
  await usedRow.getByRole('button', { name: '删除' }).click();
  await confirmBox(page, `确定删除主管部门“${used}”吗？`);
  await expect(page.getByText('该主管部门已有1个审核用户，不能删除，可以停用')).toBeVisible();
  await expect(usedRow).toHaveCount(1);
  await usedRow.getByRole('button', { name: '停用' }).click();
  await confirmBox(page, '停用后单位不能再选择该主管部门');
  await expect(page.getByText(`主管部门“${used}”已停用`)).toBeVisible();
  await expect(usedRow).toContainText('已停用');
  await expect(usedRow.getByRole('button', { name: '启用' })).toBeVisible();

  const unusedRow = tableRow(page, 'supervisor-table', unused);
  await unusedRow.getByRole('button', { name: '删除' }).click();
  await confirmBox(page, `确定删除主管部门“${unused}”吗？`);
  await expect(page.getByText(`主管部门“${unused}”已删除`)).toBeVisible();
  await expect(unusedRow).toHaveCount(0);

  // 人社局: 停用 (new submissions no longer find it), 启用, then 删除 (nothing refers to it).
  await openMenu(page, '人社局');
  const bureauRow = tableRow(page, 'hr-bureau-table', bureau);
  await bureauRow.getByRole('button', { name: '停用' }).click();
  await confirmBox(page, '查找人社局失败');
  await expect(bureauRow).toContainText('已停用');
  await bureauRow.getByRole('button', { name: '启用' }).click();
  await confirmBox(page, `确定启用人社局“${bureau}”吗？`);
  await expect(bureauRow).toContainText('正常');
  await bureauRow.getByRole('button', { name: '删除' }).click();
  await confirmBox(page, `确定删除人社局“${bureau}”吗？`);
  await expect(page.getByText(`人社局“${bureau}”已删除`)).toBeVisible();
  await expect(bureauRow).toHaveCount(0);

  // 评委会: the open batch is disabled, no longer 开放中.
  await openMenu(page, '评委会');
  const batches = page.getByTestId('committee-card').filter({ hasText: committee }).getByTestId('batch-table');
  const batch = batches.locator('.el-table__body tr');
  await expect(batch).toContainText('开放中');
  await batch.getByRole('button', { name: '停用' }).click();
  await confirmBox(page, '不再显示在【开评评委会】中');
  await expect(batch).toContainText('已停用');
  await expect(batch.getByRole('button', { name: '启用' })).toBeVisible();

  // ── A unit: the disabled department is not found, the disabled batch is not 开评 ──
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  const unitContext = await browser.newContext();
  const unitPage = await unitContext.newPage();
  await loginUnit(unitPage, unit.creditCode, unit.password, unit.unitName);
  await unitPage.getByLabel('关键字').fill(committee);
  await unitPage.getByRole('button', { name: '搜索' }).click();
  await expect(unitPage.getByText(`没有找到与“${committee}”相关的开评评委会`)).toBeVisible();
  await openMenu(unitPage, '主管单位');
  await unitPage.getByRole('button', { name: '新增', exact: true }).click();
  const box = dialog(unitPage, '新增主管部门');
  await box.getByLabel('主管名称').fill(tag);
  await box.getByRole('button', { name: '搜索' }).click();
  const candidates = box.getByTestId('supervisor-candidates').locator('.el-table__body tr');
  await expect(candidates.filter({ hasText: active })).toHaveCount(1);
  await expect(candidates.filter({ hasText: used })).toHaveCount(0);
  await unitContext.close();

  // The batch has no applications: it may go.
  await batch.getByRole('button', { name: '删除' }).click();
  await confirmBox(page, `确定删除${committee} 2026年度批次吗？`);
  await expect(page.getByText(`${committee} 2026年度批次已删除`)).toBeVisible();
  await expect(batches).toContainText('暂无年度批次');
});

test('admin: 主管部门, 人社局 and 评委会 show a failed list request as 加载失败 with 重试, not as an empty list', async ({
  page,
  request,
}) => {
  const tag = String(Date.now()).slice(-6);
  const supervisor = `加载失败测试主管部门${tag}`;
  const bureau = `龙陵县人社局${tag}`;
  const committee = `加载失败测试评委会${tag}`;
  const api = await adminApi(request);
  await api.post('/api/admin/supervisors', { name: supervisor });
  // 保山市龙陵县: no other journey sets up a bureau there (one region has one bureau).
  await api.post('/api/admin/hr-bureaus', { name: bureau, regionCode: '530523' });
  await api.post('/api/admin/committees', {
    name: committee,
    seriesCode: 'archives',
    titleLevels: ['intermediate'],
    printFromStage: 'committeeCheck',
  });
  const failing = (route: Route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'INTERNAL', message: '系统内部错误，请稍后重试' }),
    });
  await loginAdmin(page);

  const lists = [
    {
      menu: '主管部门',
      path: /\/api\/admin\/supervisors(\?.*)?$/,
      testId: 'supervisor-table',
      empty: '暂无主管部门',
      row: supervisor,
    },
    {
      menu: '人社局',
      path: /\/api\/admin\/hr-bureaus(\?.*)?$/,
      testId: 'hr-bureau-table',
      empty: '暂无人社局',
      row: bureau,
    },
  ];
  for (const list of lists) {
    await page.route(list.path, failing);
    await openMenu(page, list.menu);
    const failure = page.getByTestId(list.testId).getByTestId('list-error');
    await expect(failure).toContainText('加载失败：系统内部错误，请稍后重试');
    await expect(page.getByTestId(list.testId)).not.toContainText(list.empty);
    await page.unroute(list.path);
    await failure.getByRole('button', { name: '重试' }).click();
    await expect(tableRow(page, list.testId, list.row)).toHaveCount(1);
    await expect(page.getByTestId('list-error')).toHaveCount(0);
  }

  // 评委会 are cards, one a committee: the failure shows in the page's head card, never 暂无评委会.
  const committees = /\/api\/admin\/committees(\?.*)?$/;
  await page.route(committees, failing);
  await openMenu(page, '评委会');
  const failure = page.getByTestId('committee-list').getByTestId('list-error');
  await expect(failure).toContainText('加载失败：系统内部错误，请稍后重试');
  await expect(page.getByTestId('committee-list')).not.toContainText('暂无评委会');
  await page.unroute(committees);
  await failure.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('committee-card').filter({ hasText: committee })).toHaveCount(1);
  await expect(page.getByTestId('list-error')).toHaveCount(0);
});
