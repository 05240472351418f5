import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  apiClient,
  completeForm,
  completeUnitViaApi,
  createApplicationViaApi,
  fillApplicationViaApi,
  openSection,
  pickSpecialty,
  registerApplicantViaApi,
  setUpOrganisations,
  type ApiClient,
} from './application-support';
import { adminLogin, apiSession, captchaId, hrBureau, reviewerAccount } from './review-support';
import {
  CAPTCHA,
  chooseOption,
  dialog,
  formItem,
  idNumberFor,
  newUnit,
  openMenu,
  registerUnitViaApi,
  submitLogin,
  tableRow,
  uniquePhone,
} from './support';

/** A 审核用户 signed in on an API context, its one-time password replaced first (as the page makes it). */
async function reviewerApi(request: APIRequestContext, username: string, temporary: string): Promise<ApiClient> {
  const login = async (password: string) => {
    const api = await apiSession(request);
    await api.send(
      'POST',
      '/api/auth/login',
      { kind: 'reviewer', username, password, captchaId: await captchaId(request), captchaCode: CAPTCHA },
      200,
    );
    return apiSession(request);
  };
  const changed = `Rev#${username.slice(-6)}ok`;
  const first = await login(temporary);
  await first.send(
    'POST',
    '/api/account/password',
    {
      oldPassword: temporary,
      newPassword: changed,
      confirmNewPassword: changed,
      captchaId: await captchaId(request),
      captchaCode: CAPTCHA,
    },
    200,
  );
  await login(changed);
  return apiClient(request);
}

async function decide(api: ApiClient, id: string, action: string, opinion = ''): Promise<void> {
  const { version } = await api.get<{ version: number }>(`/api/applications/${id}`);
  await api.send('post', '/api/review/decisions', { items: [{ id, version }], action, opinion });
}

test('final decisions: the applicant reads what 不通过 and 通过 mean (no 返回修改 to ask for), and 新建申报 says why the rejected level is barred', async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(150_000);
  const tag = String(Date.now()).slice(-6);
  const year = new Date().getFullYear();
  const committee = `云南省档案系列职称评审委员会终审${tag}`;
  const { batchId } = await setUpOrganisations(request, committee);
  const baseURL = test.info().project.use.baseURL;

  const unit = newUnit({ unitName: `五华区终审测试馆${tag}` });
  await registerUnitViaApi(request, unit);
  const unitRequest = await playwright.request.newContext({ baseURL });
  const unitApi = await completeUnitViaApi(unitRequest, unit);

  const person = { name: `吴终审${tag.slice(-2)}`, idNumber: idNumberFor('19860214'), phone: uniquePhone() };
  const password = `Fd@${tag}xy`;
  await registerApplicantViaApi(request, { ...person, password });
  await submitLogin(page, '个人用户', person.idNumber, password);
  await expect(page).toHaveURL(/#\/applicant\/profile$/);
  const me = await apiClient(page.request);
  const [found] = await me.get<{ unitId: string }[]>(
    `/api/applicants/unit-search?keyword=${encodeURIComponent(unit.unitName)}`,
  );
  await me.send('post', '/api/applicants/me/unit', { unitId: found!.unitId });
  const submit = async (id: string) => {
    await fillApplicationViaApi(me, id, completeForm(year, unit.unitName, person.name));
    const { version } = await me.get<{ version: number }>(`/api/applications/${id}`);
    await me.send('post', `/api/applications/${id}/submit`, { version });
  };

  // 馆员 (申报评审): the unit decides 不通过.
  const rejectedId = await createApplicationViaApi(page.request, batchId);
  await submit(rejectedId);
  await decide(unitApi, rejectedId, 'reject', '任现职年限不符合申报条件');

  // 助理馆员 (考核定职): the unit and the county bureau pass it; that is the end of its route.
  const series = await me.get<{ titles: { id: string; name: string }[] }[]>('/api/series');
  const assistant = series.flatMap((s) => s.titles).find((t) => t.name === '助理馆员')!.id;
  const passed = await me.send<{ id: string }>(
    'post',
    '/api/applications',
    { kind: 'assessment', titleId: assistant },
    201,
  );
  await submit(passed.id);
  const { version: atUnit } = await unitApi.get<{ version: number }>(`/api/applications/${passed.id}`);
  await unitApi.send('put', `/api/review/applications/${passed.id}/unit-opinion`, {
    version: atUnit,
    unitOpinion: '该同志工作认真负责，同意推荐。',
  });
  await decide(unitApi, passed.id, 'approve');
  await unitRequest.dispose();
  const adminRequest = await playwright.request.newContext({ baseURL });
  const admin = await adminLogin(adminRequest);
  const countyId = await hrBureau(admin, '五华区人力资源和社会保障局', '530102');
  const username = `county${tag}`;
  const temporary = await reviewerAccount(admin, 'hrBureau', countyId, username);
  await adminRequest.dispose();
  const countyRequest = await playwright.request.newContext({ baseURL });
  const county = await reviewerApi(countyRequest, username, temporary);
  await decide(county, passed.id, 'approve');
  await countyRequest.dispose();

  // ── 不通过: what it means, and no department to ask for 返回修改 or 重置流程 ──
  await page.goto(`/#/applicant/applications/${rejectedId}`);
  const pageBody = page.getByTestId('application-page');
  await expect(page.getByTestId('application-status')).toHaveText('审核不通过');
  await expect(page.getByTestId('final-banner')).toContainText('审核不通过');
  await expect(page.getByTestId('final-banner')).toContainText('本年度不能再次申报该系列该级别（中级）的职称');
  await expect(page.getByTestId('cover-note')).toContainText('审核已结束，封面信息不能再修改');
  await expect(page.getByTestId('review-log')).toContainText('任现职年限不符合申报条件');
  await expect(pageBody).not.toContainText('【返回修改】后方可修改');
  await expect(pageBody).not.toContainText('【重置流程】');
  await openSection(page, 'choices');
  await expect(page.getByTestId('section-choices')).toContainText('审核已结束，申报信息不能再修改');
  await openSection(page, 'check');
  await expect(page.getByTestId('section-check')).toContainText('本年度不能再次申报该系列该级别');
  await expect(pageBody).not.toContainText('【重置流程】');

  // ── 通过: the status as it is ──
  await openMenu(page, '我的申报');
  await tableRow(page, 'application-table', '助理馆员').getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`#/applicant/applications/${passed.id}`));
  await expect(page.getByTestId('application-status')).toHaveText('审核通过');
  await expect(page.getByTestId('final-banner')).toHaveText('审核通过：考核定职审核通过。申报材料不再修改。');
  await expect(pageBody).not.toContainText('【返回修改】');
  await expect(pageBody).not.toContainText('【重置流程】');

  // ── 新建申报 of the rejected series and level: refused in the dialog, naming the application ──
  await openMenu(page, '我的申报');
  await page.getByRole('button', { name: '新建申报' }).click();
  const box = dialog(page, '新建申报');
  await chooseOption(page, box, '评委会', `${committee}（${year}年度）`);
  await formItem(box, '申报职称').locator('.el-select__wrapper').click();
  await page.getByRole('option', { name: /^馆员/ }).click();
  await pickSpecialty(page, box, '所学专业', '档案学', '管理学—图书情报与档案管理—档案学');
  await pickSpecialty(page, box, '从事专业', '档案学', '管理学—图书情报与档案管理—档案学');
  await box.getByRole('button', { name: '确定' }).click();
  await expect(box.getByTestId('create-refusal')).toContainText(
    `您${year}年度申报的馆员（档案系列中级）已审核不通过，本年度不能再次申报该系列该级别的职称`,
  );
  await expect(page).toHaveURL(/#\/applicant\/applications$/);
  await box.getByTestId('create-refusal').getByText('查看该申报').click();
  await expect(page).toHaveURL(new RegExp(`#/applicant/applications/${rejectedId}`));
  await expect(page.getByTestId('application-status')).toHaveText('审核不通过');
});
