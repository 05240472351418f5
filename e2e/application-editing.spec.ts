import { expect, test } from '@playwright/test';
import { openSection, pickInSelect, saveTable, signedInWithDraft } from './application-support';
import { confirmBox } from './support';

test('application editing: rows are added, moved and deleted; two tabs on one application — the stale one reloads and keeps what was typed', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { id } = await signedInWithDraft(page, request, { committee: '编辑', surname: '钱编辑', birth: '19880210' });

  // ── 表一: 新增行, 下移, 删除 (a filled row asks first) ──
  await page.goto(`/#/applicant/applications/${id}?section=table1`);
  const table1 = page.getByTestId('section-table1');
  await expect(table1).toBeVisible();
  for (let i = 0; i < 3; i++) await table1.getByRole('button', { name: '新增行' }).click();
  await table1.getByLabel('学校或工作单位（第1行）').fill('甲单位');
  await table1.getByLabel('学校或工作单位（第2行）').fill('乙单位');
  await table1.getByRole('button', { name: '下移（第1行）' }).click();
  await expect(table1.getByLabel('学校或工作单位（第1行）')).toHaveValue('乙单位');
  await expect(table1.getByLabel('学校或工作单位（第2行）')).toHaveValue('甲单位');
  await table1.getByRole('button', { name: '上移（第2行）' }).click();
  await expect(table1.getByLabel('学校或工作单位（第1行）')).toHaveValue('甲单位');
  // An empty row goes at once; a filled one after 确定.
  await table1.getByRole('button', { name: '删除（第3行）' }).click();
  await expect(table1.getByLabel('学校或工作单位（第3行）')).toHaveCount(0);
  await table1.getByRole('button', { name: '删除（第2行）' }).click();
  await confirmBox(page, '确定删除第2行吗？');
  await expect(table1.getByLabel('学校或工作单位（第2行）')).toHaveCount(0);
  await saveTable(page, 'table1');
  await expect(page.getByTestId('nav-table1')).toContainText('1');

  // ── A second tab on the same application ──
  const other = await page.context().newPage();
  await other.goto(`/#/applicant/applications/${id}?section=table3`);
  await expect(other.getByTestId('section-table3')).toBeVisible();

  // The first tab saves 表二 …
  await openSection(page, 'table2');
  await page.getByTestId('section-table2').getByLabel('民族').fill('彝族');
  await saveTable(page, 'table2');

  // … so the second one's version is stale: its save is refused, it offers to reload, and after the
  // reload what was typed is still there and saved.
  const summary = '第二个标签页里写的工作总结。';
  await other.getByLabel('专业技术工作总结').fill(summary);
  await other.getByTestId('section-table3').getByRole('button', { name: '保存', exact: true }).click();
  const box = other.locator('.el-message-box').filter({ visible: true });
  await expect(box).toContainText('申报内容已在其他页面或由他人修改，请刷新后再操作');
  await box.getByRole('button', { name: '重新加载' }).click();
  await expect(other.getByText('已重新加载')).toBeVisible();
  await expect(other.getByLabel('专业技术工作总结')).toHaveValue(summary);
  await expect(other.getByTestId('section-table3').getByTestId('table-save-state')).toHaveText(
    /^已保存 \d{2}:\d{2}:\d{2}$/,
  );

  // Both edits are on the server.
  await page.reload();
  await expect(page.getByTestId('section-table2').getByLabel('民族')).toHaveValue('彝族');
  await openSection(page, 'table3');
  await expect(page.getByLabel('专业技术工作总结')).toHaveValue(summary);
  await expect(page.getByTestId('summary-counter')).toContainText(`当前 ${[...summary].length} 字`);
  await expect(page.getByTestId('summary-counter')).toContainText('还差');
  await other.close();

  // ── 申报信息 of a draft: another level; 表三 then asks for 3000 characters ──
  await openSection(page, 'choices');
  const choices = page.getByTestId('section-choices');
  await pickInSelect(page, choices.getByLabel('申报职称', { exact: true }), /^副研究馆员/);
  await choices.getByRole('button', { name: '保存申报信息' }).click();
  await expect(page.getByText('申报信息已保存')).toBeVisible();
  await expect(page.getByText('申报职称：副研究馆员（副高级）')).toBeVisible();
  await openSection(page, 'table3');
  await expect(page.getByTestId('summary-counter')).toContainText('不少于 3000 字');
});
