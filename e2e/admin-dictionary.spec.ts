import { expect, test } from '@playwright/test';
import { dialog, loginAdmin, openMenu, tableRow } from './support';

test('专业字典 (FAQ §7.5): the platform browses the three levels, adds a specialty under a level-2 entry and finds it', async ({
  page,
}) => {
  const tag = String(Date.now()).slice(-6);
  const name = `数字档案学${tag}`;
  await loginAdmin(page);
  await openMenu(page, '专业字典');

  const tree = page.getByTestId('specialty-tree');
  const node = (text: string) => tree.locator('.el-tree-node__content').filter({ hasText: new RegExp(`^${text}`) });
  await node('管理学').click();
  await node('图书情报与档案管理').click();
  await expect(node('档案学')).toContainText('三级学科');
  // Nothing can be added under a level-3 entry.
  await expect(node('档案学').getByRole('button', { name: '新增' })).toHaveCount(0);

  await node('图书情报与档案管理').getByRole('button', { name: '新增' }).click();
  const box = dialog(page, '新增专业');
  await expect(box).toContainText('管理学—图书情报与档案管理');
  await box.getByLabel('专业名称').fill(name);
  await box.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增：管理学—图书情报与档案管理—${name}`)).toBeVisible();
  await expect(node(name)).toContainText('三级学科');

  await page.getByLabel('关键字').fill(name);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(tableRow(page, 'specialty-results', name)).toContainText(`管理学—图书情报与档案管理—${name}`);

  // The same name twice under one entry is refused.
  await page.getByLabel('关键字').fill('');
  await page.getByRole('button', { name: '搜索' }).click();
  await node('图书情报与档案管理').getByRole('button', { name: '新增' }).click();
  await box.getByLabel('专业名称').fill(name);
  await box.getByRole('button', { name: '保存' }).click();
  await expect(box).toContainText('该专业已存在');
});
