import { expect, type Browser, type Page } from '@playwright/test';
import { typeDate } from './application-support';
import type { Api } from './review-support';
import { CAPTCHA, chooseOption, confirmBox, dialog, formItem, openMenu, tableRow } from './support';

/**
 * The committee journey's helpers: experts of the 专家库 made through the API, an expert's own browser
 * session, the office's steps of a 评审会议 in its page, and an expert's secret ballot.
 */
export interface TestExpert {
  name: string;
  loginName: string;
  temporaryPassword: string;
}

/** "YYYY-MM-DD", `days` from today (UTC is near enough for a term or a meeting date). */
export const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An expert of the office's 专家库, working at `unit` (with its record id, an expert the draw recuses). */
export async function expertViaApi(
  office: Api,
  name: string,
  loginName: string,
  phone: string,
  unit: { unitName: string; unitId?: string },
): Promise<TestExpert> {
  const created = await office.send(
    'POST',
    '/api/committee/experts',
    {
      name,
      loginName,
      phone,
      unitName: unit.unitName,
      unitId: unit.unitId ?? null,
      supervisorId: null,
      titleName: '研究馆员',
      specialties: ['档案学'],
      termStartsOn: dayFromNow(-30),
      termEndsOn: dayFromNow(700),
      conflictUnitIds: [],
    },
    201,
  );
  return { name, loginName, temporaryPassword: created.temporaryPassword as string };
}

/** Fills 系统登录 for an expert: `?kind=expert` opens the tab experts log in on. */
async function submitExpertLogin(page: Page, loginName: string, password: string): Promise<void> {
  await page.goto('/#/login?kind=expert');
  await expect(page.getByRole('heading', { name: '系统登录' })).toBeVisible();
  await page.getByLabel('用户名/手机号/社会信用代码').fill(loginName);
  await page.getByLabel('登录密码').fill(password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** An expert in a browser context of its own: the one-time password replaced, at 我的评审会议. */
export async function expertPage(browser: Browser, expert: TestExpert): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const password = `Exp#${expert.loginName.slice(-6)}ok`;
  await submitExpertLogin(page, expert.loginName, expert.temporaryPassword);
  await expect(page).toHaveURL(/#\/expert\/password$/);
  await page.getByLabel('旧密码').fill(expert.temporaryPassword);
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码').fill(password);
  await page.getByLabel('验证码').fill(CAPTCHA);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('密码修改成功，请使用新密码重新登录')).toBeVisible();
  await submitExpertLogin(page, expert.loginName, password);
  await expect(page).toHaveURL(/#\/expert\/meetings$/);
  return page;
}

export type Choice = '同意' | '不同意' | '弃权';

/**
 * An expert opens the meeting and votes on the agenda, one confirmed ballot a person; a person left out
 * of `choices` is not voted on (counted as 弃权). The page never says afterwards what was chosen.
 */
export async function vote(page: Page, meetingTitle: string, choices: Record<string, Choice>): Promise<void> {
  await page.goto('/#/expert/meetings');
  // The list as it is now (the page may have been open since before the draw).
  await page.getByRole('button', { name: '刷新' }).click();
  await tableRow(page, 'expert-meeting-table', meetingTitle).getByRole('button', { name: '进入会议' }).click();
  await expect(page).toHaveURL(/#\/expert\/meetings\/\d+$/);
  const items = page.getByTestId('ballot-item');
  await expect(items.first()).toBeVisible();
  for (const [name, choice] of Object.entries(choices)) {
    const item = items.filter({ hasText: name });
    await item.getByRole('button', { name: choice, exact: true }).click();
    const box = page.locator('.el-message-box').filter({ visible: true });
    await expect(box).toContainText(`确定对“${name}”投“${choice}”票吗？投票后不能更改。`);
    await box.getByRole('button', { name: '确定投票' }).click();
    await expect(item.getByTestId('voted')).toHaveText('已投票');
    await expect(item.getByRole('button', { name: /^(同意|不同意|弃权)$/ })).toHaveCount(0);
  }
}

/**
 * The office makes a meeting of `size` experts for 中级, tomorrow, and puts these applicants on its agenda;
 * the meeting's date.
 */
export async function newMeeting(page: Page, title: string, names: string[], size = 3): Promise<string> {
  const date = dayFromNow(1);
  await openMenu(page, '评审会议');
  await page.getByRole('button', { name: '新建会议' }).click();
  const box = dialog(page, '新增评审会议');
  await box.getByLabel('会议名称').fill(title);
  await typeDate(formItem(box, '会议日期').locator('input'), date);
  await box.getByLabel('会议地点').fill('昆明市五华区档案馆三楼会议室');
  await chooseOption(page, box, '评审等级', '中级');
  await box.getByLabel('抽取人数').fill(String(size));
  await box.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/#\/reviewer\/committee\/meetings\/\d+$/);
  await expect(page.getByTestId('meeting-status')).toHaveText('待抽取专家');

  await page.getByRole('button', { name: '列入议程' }).click();
  const candidates = dialog(page, '待上会的申报');
  for (const name of names) await tableRow(page, 'candidate-table', name).locator('.el-checkbox').click();
  await candidates.getByRole('button', { name: '列入议程' }).click();
  await expect(candidates).toBeHidden();
  for (const name of names) await expect(tableRow(page, 'agenda-table', name)).toBeVisible();
  return date;
}

/** 抽取专家, confirmed; the members and the record of the draw show. */
export async function drawMembers(page: Page): Promise<void> {
  await page.getByRole('button', { name: '抽取专家' }).click();
  await confirmBox(page, '系统自动回避议程中申报人所在单位及其主管部门的专家');
  await expect(page.getByTestId('meeting-status')).toHaveText('已抽取专家');
  await expect(page.getByTestId('draw-record')).toBeVisible();
}

/** 签到 of these members (a check box each), saved. */
export async function recordAttendance(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    const box = tableRow(page, 'member-table', name).locator('.el-checkbox');
    if (!(await box.locator('input').isChecked())) await box.click();
  }
  await page.getByRole('button', { name: '保存签到' }).click();
  await expect(page.getByText(/^签到已保存/).last()).toBeVisible();
}

/** 开始投票, confirmed. */
export async function openVote(page: Page): Promise<void> {
  await page.getByRole('button', { name: '开始投票' }).click();
  await confirmBox(page, '开始后签到不能再修改');
  await expect(page.getByTestId('meeting-status')).toHaveText('投票中');
}

/** 结束投票, confirmed: the ballots not cast count as 弃权. */
export async function closeVote(page: Page): Promise<void> {
  await page.getByRole('button', { name: '结束投票' }).click();
  await confirmBox(page, '未投票的按弃权计');
  await expect(page.getByTestId('meeting-status')).toHaveText('已结束');
}
