import { expect, test } from '@playwright/test';
import {
  openSection,
  pdf,
  pickInSelect,
  pickSpecialty,
  saveTable,
  setUpOrganisations,
  typeDate,
} from './application-support';
import {
  chooseOption,
  confirmBox,
  dialog,
  formItem,
  idNumberFor,
  loginUnit,
  newUnit,
  openMenu,
  pickRegion,
  registerUnitViaApi,
  requestSmsCodeInPage,
  submitLogin,
  tableRow,
  uniquePhone,
} from './support';

test('application: an applicant fills the 申报评审表, is held up by the unit, then submits and sees it at 单位审核', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committee = `云南省档案系列中级职称评审委员会${tag}`;
  await setUpOrganisations(request, committee);

  // ── A unit that has not completed its information yet ──
  const unit = newUnit({ unitName: `五华区测试档案馆${tag}` });
  await registerUnitViaApi(request, unit);

  // ── 个人注册 and login ──
  const person = {
    name: `赵申报${tag.slice(-2)}`,
    idNumber: idNumberFor('19920615'),
    phone: uniquePhone(),
    password: `Ap@${tag}xy`,
  };
  await page.goto('/#/applicant/register');
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号').fill(person.idNumber);
  await page.getByLabel('手机号').fill(person.phone);
  await page.getByLabel('验证码').fill(await requestSmsCodeInPage(page, person.phone));
  await page.getByLabel('密码', { exact: true }).fill(person.password);
  await page.getByLabel('确认密码').fill(person.password);
  await page.getByRole('button', { name: '立即注册' }).click();
  await expect(page.getByText('注册成功，请使用身份证号或手机号登录')).toBeVisible();
  await submitLogin(page, '个人用户', person.idNumber, person.password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);

  // 选择单位
  await page.getByLabel('单位', { exact: true }).fill(unit.unitName);
  await page.getByRole('button', { name: '搜索' }).click();
  await tableRow(page, 'unit-results', unit.unitName).getByRole('button', { name: '选择' }).click();
  await confirmBox(page, `确定选择“${unit.unitName}”为您的工作单位吗？`);
  await expect(page.getByTestId('current-unit')).toHaveText(unit.unitName);

  // ── 我的申报 → 新建申报: 申报评审, the open committee, 馆员, the two specialties ──
  await openMenu(page, '我的申报');
  await expect(page.getByTestId('application-table')).toContainText('暂无申报');
  await page.getByRole('button', { name: '新建申报' }).click();
  const box = dialog(page, '新建申报');
  await expect(box.getByTestId('kind-help')).toContainText('请结合个人实际情况选择考核定职或申报评审取得证书');
  await expect(box.getByTestId('kind-help')).toContainText('由评委会评审');
  await expect(box.getByTestId('kind-help')).toContainText('不经评委会');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(box).toContainText('请选择评委会');
  await chooseOption(page, box, '评委会', `${committee}（${year}年度）`);
  await expect(box.getByTestId('batch-time')).toContainText('网报时间');
  await formItem(box, '申报职称').locator('.el-select__wrapper').click();
  await page.getByRole('option', { name: /^馆员/ }).click();
  await expect(box.getByTestId('specialty-not-found').first()).toContainText(
    '所学专业检索不到：发送专业名称（一级学科—二级学科—三级学科），及毕业证图片至邮箱',
  );
  await expect(box.getByTestId('specialty-not-found').last()).toContainText(
    '从事专业检索不到：发送职称证书图片至邮箱 hrmosmo@163.com',
  );
  await pickSpecialty(page, box, '所学专业', '档案学', '管理学—图书情报与档案管理—档案学');
  await pickSpecialty(page, box, '从事专业', '档案学', '管理学—图书情报与档案管理—档案学');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(/#\/applicant\/applications\/\d+/);
  const applicationUrl = page.url().replace(/\?.*$/, '');

  // The page: a draft, the cover, and the unit that holds everything up.
  await expect(page.getByTestId('application-status')).toHaveText('草稿');
  await expect(page.getByTestId('where-now')).toHaveText('草稿，尚未提交');
  await expect(page.getByTestId('cover')).toContainText(person.name);
  await expect(page.getByTestId('cover')).toContainText(unit.unitName);
  await expect(page.getByTestId('cover')).toContainText('馆员');
  await expect(page.getByTestId('cover-note')).toContainText('【重置流程】');
  await expect(page.getByTestId('readiness')).toContainText('单位信息不完整，请联系单位完善');

  // Trying to submit: the check lists what is missing and the unit's blocker; 提交 stays disabled.
  await openSection(page, 'check');
  await expect(page.getByTestId('check-blockers')).toContainText('单位信息不完整，请联系单位完善');
  await expect(page.getByTestId('check-issues')).toContainText('请至少填写一条学习或工作经历');
  await expect(page.getByTestId('submit')).toBeDisabled();
  await expect(page.getByTestId('section-check')).toContainText('单位信息不完整，请联系单位完善');

  // ── The unit completes its 单位信息 (事业单位, 县区级, 五华区) ──
  const unitContext = await browser.newContext();
  const unitPage = await unitContext.newPage();
  await loginUnit(unitPage, unit.creditCode, unit.password, unit.unitName);
  await openMenu(unitPage, '单位信息');
  await unitPage.getByTestId('license-upload').locator('input[type=file]').setInputFiles(pdf('营业执照.pdf'));
  await expect(unitPage.getByTestId('file-link')).toContainText('营业执照.pdf');
  await chooseOption(unitPage, unitPage, '单位性质', '事业单位');
  await chooseOption(unitPage, unitPage, '单位等级', '县区级');
  await pickRegion(unitPage, unitPage, '行政区域', ['云南省', '昆明市', '五华区']);
  await unitPage.getByRole('button', { name: '提交', exact: true }).click();
  await expect(unitPage.getByText('单位信息已保存')).toBeVisible();
  await unitContext.close();

  await page.reload();
  await expect(page.getByTestId('section-check')).toBeVisible();
  await expect(page.getByTestId('check-blockers')).toHaveCount(0);
  await expect(page.getByTestId('readiness')).not.toContainText('单位信息不完整');

  // ── 表一: two rows ──
  await openSection(page, 'table1');
  const table1 = page.getByTestId('section-table1');
  await table1.getByRole('button', { name: '新增行' }).click();
  await table1.getByRole('button', { name: '新增行' }).click();
  await typeDate(table1.getByLabel('起始时间（第1行）'), '2010-09');
  await typeDate(table1.getByLabel('结束时间（第1行）'), '2014-07');
  await table1.getByLabel('学校或工作单位（第1行）').fill('云南大学历史与档案学院');
  await table1.getByLabel('专业或职务（第1行）').fill('档案学专业 本科');
  await table1.getByLabel('证明人（第1行）').fill('李老师');
  await typeDate(table1.getByLabel('起始时间（第2行）'), '2014-08');
  await table1.getByLabel('至今（第2行）').check();
  await table1.getByLabel('学校或工作单位（第2行）').fill(unit.unitName);
  await table1.getByLabel('专业或职务（第2行）').fill('档案管理员');
  await table1.getByLabel('证明人（第2行）').fill('张馆长');
  await saveTable(page, 'table1');

  // ── 表二 ──
  await openSection(page, 'table2');
  const table2 = page.getByTestId('section-table2');
  await table2.getByLabel('民族').fill('汉族');
  await chooseOption(page, table2, '政治面貌', '中共党员');
  await typeDate(table2.getByLabel('参加工作时间'), '2014-08-01');
  await chooseOption(page, table2, '最高学历', '大学本科');
  await chooseOption(page, table2, '学位', '学士');
  await table2.getByLabel('毕业院校').fill('云南大学');
  await table2.getByLabel('所学专业').fill('档案学');
  await typeDate(table2.getByLabel('毕业时间'), '2014-07-01');
  await table2.getByLabel('现职称', { exact: true }).fill('助理馆员');
  await typeDate(table2.getByLabel('现职称取得时间'), '2016-10-01');
  await saveTable(page, 'table2');

  // ── 表三: a summary over 2000 characters; a reload before it is saved keeps it ──
  await openSection(page, 'table3');
  const paragraph =
    '任现职以来，本人认真贯彻落实档案工作法律法规，负责馆藏档案的接收、整理、鉴定、保管和利用工作，推进档案数字化建设，参与编研成果的编写，积极做好档案信息化和安全管理工作。';
  const summary = paragraph.repeat(Math.ceil(2100 / paragraph.length));
  const length = [...summary].length;
  await page.getByLabel('专业技术工作总结').fill(summary);
  await expect(page.getByTestId('summary-counter')).toContainText(`当前 ${length} 字`);
  await expect(page.getByTestId('summary-counter')).toContainText('不少于 2000 字');
  await expect(page.getByTestId('section-table3').getByTestId('table-save-state')).toHaveText('未保存');
  await page.reload();
  await expect(page.getByLabel('专业技术工作总结')).toHaveValue(summary);
  await expect(page.getByTestId('restored-banner')).toContainText('已恢复您上次未保存的内容');
  // … and saves it by itself two seconds later.
  await expect(page.getByTestId('section-table3').getByTestId('table-save-state')).toHaveText(
    /^已保存 \d{2}:\d{2}:\d{2}$/,
  );

  // ── 表四: one row ──
  await openSection(page, 'table4');
  const table4 = page.getByTestId('section-table4');
  await table4.getByRole('button', { name: '新增行' }).click();
  await typeDate(table4.getByLabel('起始时间（第1行）'), '2019-01');
  await typeDate(table4.getByLabel('结束时间（第1行）'), '2020-12');
  await table4.getByLabel('项目/工作名称（第1行）').fill('馆藏民国档案数字化');
  await table4.getByLabel('工作内容（第1行）').fill('负责民国档案的整理、扫描质检和目录著录。');
  await table4.getByLabel('本人角色（第1行）').fill('项目负责人');
  await table4.getByLabel('成效（第1行）').fill('完成3万页档案数字化，通过市档案局验收。');
  await saveTable(page, 'table4');

  // ── 表八: one paper ──
  await openSection(page, 'table8');
  const table8 = page.getByTestId('section-table8');
  await table8.getByRole('button', { name: '新增行' }).click();
  await table8.getByLabel('题目（第1行）').fill('县级综合档案馆数字化建设的实践与思考');
  await table8.getByLabel('刊物/出版社（第1行）').fill('云南档案');
  await table8.getByLabel('刊号或ISBN（第1行）').fill('CN53-1030/G2');
  await typeDate(table8.getByLabel('发表时间（第1行）'), '2021-05');
  await table8.getByLabel('本人排名（第1行）').fill('独著');
  await table8.getByLabel('字数（第1行）').fill('6000');
  await saveTable(page, 'table8');

  // ── 表九: one course ──
  await openSection(page, 'table9');
  const table9 = page.getByTestId('section-table9');
  await table9.getByRole('button', { name: '新增行' }).click();
  await typeDate(table9.getByLabel('起始时间（第1行）'), '2022-03');
  await typeDate(table9.getByLabel('结束时间（第1行）'), '2022-03');
  await table9.getByLabel('内容/项目（第1行）').fill('档案专业技术人员继续教育');
  await table9.getByLabel('主办单位（第1行）').fill('云南省档案局');
  await table9.getByLabel('学时（第1行）').fill('90');
  await saveTable(page, 'table9');

  // ── 表十: the commitment, agreed and signed ──
  await openSection(page, 'table10');
  const table10 = page.getByTestId('section-table10');
  await expect(table10.getByTestId('commitment-text')).toContainText('本人郑重承诺');
  await table10.getByText('本人已阅读并同意以上承诺').click();
  await expect(table10.getByLabel('承诺人（签名）')).toHaveValue(person.name);
  await saveTable(page, 'table10');

  // ── 表十一: the five years before the batch's year are there already ──
  await openSection(page, 'table11');
  const table11 = page.getByTestId('section-table11');
  for (let i = 1; i <= 5; i++) {
    await expect(table11.getByLabel(`年度（第${i}行）`)).toHaveValue(String(year - 6 + i));
    await expect(table11.getByLabel(`考核单位（第${i}行）`)).toHaveValue(unit.unitName);
    await pickInSelect(page, table11.getByLabel(`考核结果（第${i}行）`), i === 3 ? '优秀' : '合格');
  }
  await saveTable(page, 'table11');

  // ── 附件管理: every required category ──
  await openSection(page, 'attachments');
  await expect(page.getByTestId('attachment-note-hrWorkHistory')).toContainText('昆明市社会保险个人参保证明');
  const files: [string, string][] = [
    ['hrIdCard', '身份证.pdf'],
    ['hrEducation', '学历学位证书.pdf'],
    ['hrCurrentTitle', '助理馆员证书.pdf'],
    ['hrWorkHistory', '工作经历证明.pdf'],
    ['hrAnnualReview', '年度考核登记表.pdf'],
    ['hrContinuingEducation', '继续教育学时证明.pdf'],
    ['paper', '论文.pdf'],
  ];
  for (const [category, name] of files) {
    const block = page.getByTestId(`attachment-${category}`);
    await expect(block).toContainText('必传');
    await block.locator('input[type=file]').setInputFiles(pdf(name));
    await expect(block.getByTestId('attachment-file')).toContainText(name);
  }

  // ── 提交前检查: nothing missing; 提交 ──
  await openSection(page, 'check');
  await expect(page.getByTestId('check-clean')).toBeVisible();
  await expect(page.getByTestId('check-issues')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText(/^已保存/);
  await page.getByTestId('submit').click();
  await confirmBox(page, '确定提交申报吗？');
  await expect(page.getByText('提交成功')).toBeVisible();
  await expect(page.getByTestId('application-status')).toHaveText('审核中');
  await expect(page.getByTestId('where-now')).toHaveText(`单位审核中（${unit.unitName}）`);
  const entry = page.getByTestId('review-log').getByTestId('review-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('个人提交');
  await expect(entry).toContainText('【提交】');
  await expect(entry).toContainText(`审核单位：${unit.unitName}`);
  await expect(entry).toContainText(`审核人：${person.name}`);

  // Read-only now: no 保存, no 新增行.
  await openSection(page, 'table1');
  await expect(page.getByTestId('section-table1')).toContainText('云南大学历史与档案学院');
  await expect(page.getByTestId('section-table1').getByRole('button', { name: '新增行' })).toHaveCount(0);
  await expect(page.getByTestId('section-table1').getByRole('button', { name: '保存', exact: true })).toHaveCount(0);

  // 我的申报 lists it where it is.
  await openMenu(page, '我的申报');
  const row = page.getByTestId('application-table').locator('.el-table__body tr').first();
  await expect(row).toContainText('审核中');
  await expect(row).toContainText(`单位审核中（${unit.unitName}）`);
  await row.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(applicationUrl);
});
