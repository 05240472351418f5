import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdfPages } from '../test/pdf-text';
import { typeDate } from './application-support';
import {
  closeVote,
  dayFromNow,
  drawMembers,
  expertPage,
  expertViaApi,
  newMeeting,
  openVote,
  recordAttendance,
  vote,
} from './committee-support';
import { approveViaApi, reviewerApi } from './desk-api';
import {
  adminLogin,
  apiSession,
  archivistChoices,
  hrBureau,
  login,
  openCommittee,
  readyUnit,
  reviewerAccount,
  submittedApplication,
  type Api,
} from './review-support';
import {
  CAPTCHA,
  chooseOption,
  confirmBox,
  dialog,
  formItem,
  newUnit,
  openMenu,
  submitLogin,
  tableRow,
  uniquePhone,
} from './support';

/**
 * The committee's own review: the office keeps its 专家库 and draws a meeting's members (an expert of the
 * applicants' unit is recused, never drawn), records attendance against the quorum, the experts vote in
 * secret each in their own browser, and the result fills 表十四 of the PDF. The 公示 receives two
 * objections from the public: one answered, one upheld and voted on again in a second meeting. Five
 * working days later (the server's test clock) the 公示 ends, the bureau confirms with its 文号 and the
 * certificate verifies on the public page without logging in.
 */
test('committee: draw with recusal, attendance, secret ballot, 表十四, 公示 with objections and a new vote, 确认, certificate', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(900_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committeeName = `云南省档案系列中级职称评审委员会${tag}`;

  // ── Set-up through the API: bureaus, a committee confirmed by the province, two applicants at 评审会议 ──
  const admin = await adminLogin(request);
  const countyId = await hrBureau(admin, `官渡区人力资源和社会保障局${tag}`, '530111');
  const cityId = await hrBureau(admin, `昆明市人力资源和社会保障局${tag}`, '530100');
  const provinceId = await hrBureau(admin, `云南省人力资源和社会保障厅${tag}`, '530000');
  const { committeeId, batchId } = await openCommittee(admin, committeeName, ['intermediate'], {
    confirmingBureauId: provinceId,
  });
  const reviewer = async (orgKind: string, orgId: string, username: string) =>
    reviewerApi(browser, username, await reviewerAccount(admin, orgKind, orgId, username));
  const county = await reviewer('hrBureau', countyId, `gdcw${tag}`);
  const city = await reviewer('hrBureau', cityId, `kmcw${tag}`);
  const officeUser = `pwbcw${tag}`;
  const office = await reviewer('committee', committeeId, officeUser);
  const bureauUser = `stcw${tag}`;
  await reviewer('hrBureau', provinceId, bureauUser);
  const passwordOf = (username: string) => `Rev#${username.slice(-6)}ok`;

  const unit = newUnit();
  const { unitApi } = await readyUnit(browser, unit, '530111');
  const { titleId, specialtyId } = await archivistChoices(admin);
  const choices = { unitName: unit.unitName, batchId, titleId, specialtyId, year };
  const passer = await submittedApplication(browser, choices, '程婉清', '19870315');
  const revoted = await submittedApplication(browser, choices, '邵明远', '19850921');
  for (const person of [passer, revoted]) {
    const id = person.applicationId;
    const { version } = await unitApi.get(`/api/review/applications/${id}/unit-opinion`);
    await unitApi.send(
      'PUT',
      `/api/review/applications/${id}/unit-opinion`,
      { version, unitOpinion: '该同志业务能力强，材料真实，同意推荐。' },
      200,
    );
    await approveViaApi(unitApi, id, '同意推荐');
    await approveViaApi(county, id, '县区审核同意');
    await approveViaApi(city, id, '同意上报评委会');
    for (const step of ['电子材料齐全', '办公室审核通过', '专业组初审通过']) await approveViaApi(office, id, step);
  }
  const unitId = String((await passer.api.get('/api/applicants/me')).unit.unitId);

  // ── 专家库: one expert added in the page (its one-time password shown once), three through the API ──
  await submitLogin(page, '审核用户', officeUser, passwordOf(officeUser));
  await expect(page).toHaveURL(/#\/reviewer\/home$/);
  await openMenu(page, '专家库');
  await page.getByRole('button', { name: '新增专家' }).click();
  const form = dialog(page, '新增专家');
  const first = { name: '杨启航', loginName: `zj1${tag}` };
  await form.getByLabel('专家姓名').fill(first.name);
  await form.getByLabel('登录账号').fill(first.loginName);
  await form.getByLabel('手机号').fill(uniquePhone());
  await form.getByLabel('工作单位', { exact: true }).fill('云南省档案馆');
  await form.getByLabel('职称').fill('研究馆员');
  await formItem(form, '专业').locator('input').fill('档案学');
  await formItem(form, '专业').locator('input').press('Enter');
  await typeDate(formItem(form, '聘期开始日期').locator('input'), dayFromNow(-10));
  await typeDate(formItem(form, '聘期结束日期').locator('input'), dayFromNow(700));
  await form.getByRole('button', { name: '保存' }).click();
  const once = page.getByTestId('one-time-password');
  const experts = [{ ...first, temporaryPassword: (await once.getByTestId('temporary-password').textContent())! }];
  await once.getByRole('button', { name: '我已记下' }).click();
  await expect(tableRow(page, 'expert-table', first.loginName)).toContainText('在库');
  const elsewhere = { unitName: '昆明市档案馆' };
  experts.push(await expertViaApi(office, '和丽萍', `zj2${tag}`, uniquePhone(), elsewhere));
  experts.push(await expertViaApi(office, '段志强', `zj3${tag}`, uniquePhone(), elsewhere));
  const colleague = await expertViaApi(office, '同单位专家', `zj4${tag}`, uniquePhone(), {
    unitName: unit.unitName,
    unitId,
  });
  const a = await expertPage(browser, experts[0]!);
  const b = await expertPage(browser, experts[1]!);
  const c = await expertPage(browser, experts[2]!);
  const names = experts.map((e) => e.name);

  // ── Meeting 1: agenda, the draw recuses the applicants' colleague, attendance against the quorum ──
  const meeting1 = `${year}年度档案系列中级职称评审会议${tag}`;
  const meetingDate = await newMeeting(page, meeting1, [passer.name, revoted.name]);
  await drawMembers(page);
  await expect(page.getByTestId('recused-experts')).toContainText(`${colleague.name}：与申报人同单位`);
  await expect(page.getByTestId('member-table')).not.toContainText(colleague.name);
  for (const name of names) await expect(tableRow(page, 'member-table', name)).toBeVisible();

  await recordAttendance(page, [names[0]!]);
  await expect(page.getByTestId('attendance-summary')).toContainText('应到 3 人，实到 1 人');
  await expect(page.getByTestId('quorum-state')).toHaveText('未达到法定人数');
  await expect(page.getByTestId('open-vote').getByRole('button')).toBeDisabled();
  await page.getByTestId('open-vote').hover();
  await expect(page.getByRole('tooltip')).toContainText('未达到法定人数2人，不能开始投票');
  await recordAttendance(page, names);
  await expect(page.getByTestId('attendance-summary')).toContainText('应到 3 人，实到 3 人');
  await expect(page.getByTestId('quorum-state')).toHaveText('已达到法定人数');
  await openVote(page);

  // ── The experts, each in its own browser: the form to read, then the secret ballot ──
  await vote(a, meeting1, {});
  await a
    .getByTestId('ballot-item')
    .filter({ hasText: passer.name })
    .getByRole('button', { name: '查看申报表' })
    .click();
  await expect(a.getByTestId('application-sheet')).toContainText(passer.name);
  await a.getByRole('button', { name: '返回议程' }).click();
  await vote(a, meeting1, { [passer.name]: '同意', [revoted.name]: '同意' });
  await vote(b, meeting1, { [passer.name]: '同意', [revoted.name]: '不同意' });
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(tableRow(page, 'agenda-table', passer.name)).toContainText('2/3');
  await vote(c, meeting1, { [revoted.name]: '同意' });
  await closeVote(page);
  await expectTally(page, passer.name, ['2', '0', '1', '通过']);
  await expectTally(page, revoted.name, ['2', '1', '0', '通过']);

  // ── 表十四 (中级) in the PDF: 应到, 实到, 同意, 不同意, 弃权, 评审结论 ──
  await page.goto(`/#/reviewer/review/application/${passer.applicationId}`);
  await expect(page.getByTestId('sheet-cover')).toContainText(passer.name);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-pdf').getByRole('button', { name: '导出PDF' }).first().click();
  const text = (await pdfPages(await readFile((await (await downloading).path())!))).join('');
  expect(text).toContain('表十四：中级职称评审委员会评审记录');
  // 评审时间, 应到 3, 实到 3, 同意 2, 不同意 0, 弃权 1, 通过: the cells of its one row.
  expect(text).toMatch(new RegExp(`${meetingDate}\\s*3\\s*3\\s*2\\s*0\\s*1\\s*通过`));

  // ── 发布公示 ──
  const noticeTitle = `${year}年度档案系列中级职称评审结果公示${tag}`;
  await openMenu(page, '评审结果公示');
  await page.getByRole('button', { name: '发布公示' }).click();
  const publish = dialog(page, '发布公示');
  await publish.getByLabel('公示标题').fill(noticeTitle);
  for (const name of [passer.name, revoted.name])
    await tableRow(page, 'notice-candidate-table', name).locator('.el-checkbox').click();
  await publish.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page).toHaveURL(/#\/reviewer\/committee\/notices\/\d+$/);
  const noticePath = new URL(page.url()).hash;
  await expect(page.getByTestId('notice-status')).toHaveText('公示中');

  // ── The public, without logging in: the list, and two objections ──
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/#/login');
  await visitor.getByRole('link', { name: '评审结果公示' }).click();
  await expect(visitor).toHaveURL(/#\/notices$/);
  await tableRow(visitor, 'public-notice-table', noticeTitle).click();
  await expect(visitor.getByTestId('public-notice-title')).toHaveText(noticeTitle);
  const entries = visitor.getByTestId('public-notice-entries');
  for (const text of [passer.name, revoted.name, unit.unitName, '馆员']) await expect(entries).toContainText(text);
  await expect(visitor.locator('body')).not.toContainText(passer.idNumber);
  await object(visitor, `${passer.name}（${unit.unitName}）`, '反映该同志论文存在署名问题，请核查。');
  await object(visitor, `${revoted.name}（${unit.unitName}）`, '反映该同志任职年限不足，请评委会核查。');

  // ── The office answers: one objection does not stand, one does (back to 评审会议) ──
  await page.getByRole('button', { name: '刷新' }).click();
  await answer(page, passer.name, '经核查，论文署名无误，异议不成立。', '异议不成立');
  await answer(page, revoted.name, '经核查，任职年限计算有误，异议成立。', '异议成立');
  await expect(tableRow(page, 'notice-objections', passer.name)).toContainText('异议不成立');
  await expect(tableRow(page, 'notice-entries', revoted.name)).toContainText('已撤出（重新表决）');
  await expect(page.getByTestId('close-notice').getByRole('button')).toBeDisabled();
  await page.getByTestId('close-notice').hover();
  await expect(page.getByRole('tooltip')).toBeVisible();

  // ── Meeting 2: the upheld one is voted on again, and fails ──
  const meeting2 = `${year}年度档案系列中级职称复议会议${tag}`;
  await newMeeting(page, meeting2, [revoted.name]);
  await drawMembers(page);
  await expect(page.getByTestId('member-table')).not.toContainText(colleague.name);
  await recordAttendance(page, names);
  await openVote(page);
  await vote(a, meeting2, { [revoted.name]: '不同意' });
  await vote(b, meeting2, { [revoted.name]: '不同意' });
  await vote(c, meeting2, { [revoted.name]: '同意' });
  await closeVote(page);
  await expectTally(page, revoted.name, ['1', '2', '0', '未通过']);

  // ── Five working days later (the server's test clock): 结束公示; sessions lapsed, so log in again ──
  await (await apiSession(request)).send('POST', '/api/test/clock', { advanceDays: 20 }, 200);
  const officeAgain = await (await browser.newContext()).newPage();
  await submitLogin(officeAgain, '审核用户', officeUser, passwordOf(officeUser));
  await expect(officeAgain).toHaveURL(/#\/reviewer\/home$/);
  await officeAgain.goto(`/${noticePath}`);
  await expect(officeAgain.getByTestId('close-notice').getByRole('button')).toBeEnabled();
  await officeAgain.getByTestId('close-notice').getByRole('button').click();
  await confirmBox(officeAgain, '结束后名单锁定，报人社部门确认');
  await expect(officeAgain.getByTestId('notice-status')).toHaveText('已结束');

  // ── The province's HR department confirms with its 文号 ──
  const bureau = await (await browser.newContext()).newPage();
  await submitLogin(bureau, '审核用户', bureauUser, passwordOf(bureauUser));
  await expect(bureau).toHaveURL(/#\/reviewer\/home$/);
  await openMenu(bureau, '评审结果确认');
  await expect(tableRow(bureau, 'confirmation-table', passer.name)).toContainText('同意2');
  await expect(bureau.getByTestId('confirmation-table')).not.toContainText(revoted.name);
  await tableRow(bureau, 'confirmation-table', passer.name).locator('.el-checkbox').click();
  await bureau.getByRole('button', { name: '确认', exact: true }).click();
  const confirming = dialog(bureau, '确认评审结果');
  await confirming.getByLabel('文号').fill(`云人社职〔${year}〕${tag}号`);
  await typeDate(formItem(confirming, '取得资格时间').locator('input'), dayFromNow(20));
  await confirming.getByRole('button', { name: '确认', exact: true }).click();
  await expect(bureau.getByText('已确认1人的评审结果，电子证书已发放')).toBeVisible();

  // ── The applicants read their result; the certificate verifies in public ──
  const passerApi = await applicantApi(browser, passer.idNumber, passer.password);
  expect((await passerApi.get(`/api/applications/${passer.applicationId}`)).statusLabel).toBe('已通过评审');
  const revotedApi = await applicantApi(browser, revoted.idNumber, revoted.password);
  expect((await revotedApi.get(`/api/applications/${revoted.applicationId}`)).statusLabel).toBe('未通过评审');
  // The applicant's page says it in words and holds the certificate; the PDF downloads.
  const passerPage = await (await browser.newContext()).newPage();
  await submitLogin(passerPage, '个人用户', passer.idNumber, passer.password);
  await expect(passerPage).toHaveURL(/#\/applicant\//);
  await passerPage.goto(`/#/applicant/applications/${passer.applicationId}`);
  await expect(passerPage.getByTestId('certificate-card')).toContainText('专业技术资格电子证书');
  const download = passerPage.waitForEvent('download');
  await passerPage.getByTestId('certificate-download').click();
  expect((await download).suggestedFilename()).toMatch(/^专业技术资格电子证书-.+\.pdf$/);
  const { number } = await passerApi.get(`/api/applications/${passer.applicationId}/certificate`);
  await expect(passerPage.getByTestId('certificate-card')).toContainText(String(number));
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(`/#/certificate?number=${encodeURIComponent(String(number))}`);
  await checker.getByLabel('姓名').fill(passer.name);
  await checker.getByRole('button', { name: '查询' }).click();
  await expect(checker.getByTestId('verify-result')).toContainText('证书有效');
  await expect(checker.getByTestId('verify-facts')).toContainText('馆员');
});

/** 同意, 不同意, 弃权 and 结论 of one applicant on the closed meeting's agenda. */
async function expectTally(page: Page, name: string, cells: string[]): Promise<void> {
  const row = tableRow(page, 'agenda-table', name);
  for (const [i, text] of cells.entries()) await expect(row.locator('td').nth(5 + i)).toHaveText(text);
}

/** A visitor's 提出异议 about one person on the 公示, with contact and captcha. */
async function object(visitor: Page, person: string, content: string): Promise<void> {
  const form = visitor.getByTestId('objection-form');
  await chooseOption(visitor, form, '异议人员', person);
  await form.getByLabel('异议内容').fill(content);
  await form.getByLabel('联系人').fill('李群众');
  await form.getByLabel('联系电话').fill(uniquePhone());
  await form.getByLabel('验证码').fill(CAPTCHA);
  await form.getByRole('button', { name: '提交异议' }).click();
  await expect(visitor.getByTestId('objection-filed')).toBeVisible();
  await visitor.getByRole('button', { name: '继续提出异议' }).click();
}

/** The office's 答复 of the objection about `name`. */
async function answer(page: Page, name: string, text: string, verdict: '异议成立' | '异议不成立'): Promise<void> {
  await tableRow(page, 'notice-objections', name).getByRole('button', { name: '答复' }).click();
  const box = dialog(page, '答复异议');
  await box.getByLabel('答复意见').fill(text);
  await box
    .locator('.el-radio')
    .filter({ hasText: new RegExp(`^${verdict}$`) })
    .click();
  await expect(box).toContainText('申报回到“评审会议”环节，须列入评审会议重新表决');
  await box.getByRole('button', { name: '保存' }).click();
  await expect(box).toBeHidden();
}

/** An applicant's API session (after the clock moved, a new login). */
async function applicantApi(browser: Browser, idNumber: string, password: string): Promise<Api> {
  return login((await browser.newContext()).request, 'applicant', idNumber, password);
}
