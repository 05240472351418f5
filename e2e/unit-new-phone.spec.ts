import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  CAPTCHA,
  confirmBox,
  formItem,
  loginAdmin,
  loginUnit,
  newUnit,
  registerUnitViaApi,
  requestSmsCodeInPage,
  tableRow,
  uniquePhone,
  type TestUnit,
} from './support';

/** The unit, signed in on its own API context, uploads its licence and completes 单位信息 with it. */
async function uploadLicenceViaApi(api: APIRequestContext, unit: TestUnit): Promise<void> {
  const csrf = async () => ({
    'x-csrf-token': ((await (await api.get('/api/session')).json()) as { csrfToken: string }).csrfToken,
  });
  const captcha = (await (await api.get('/api/captcha')).json()) as { captchaId: string };
  const login = await api.post('/api/auth/login', {
    headers: await csrf(),
    data: { kind: 'unit', username: unit.creditCode, password: unit.password, ...captcha, captchaCode: CAPTCHA },
  });
  expect(login.status(), await login.text()).toBe(200);
  const headers = await csrf();
  const upload = await api.post('/api/units/me/license', {
    headers,
    multipart: {
      file: {
        name: '营业执照.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const info = await api.put('/api/units/me/info', {
    headers,
    data: {
      licenseFileId: ((await upload.json()) as { id: string }).id,
      nature: 'institution',
      level: 'county',
      regionCode: '530102',
      contactName: unit.contactName,
      contactPhone: '0871-63112233',
    },
  });
  expect(info.status(), await info.text()).toBe(200);
}

test('password and phone both lost (manual §1.3, §7.3): the platform sets a new phone, the unit recovers its password with it', async ({
  page,
  browser,
  request,
}) => {
  const unit = newUnit();
  await registerUnitViaApi(request, unit);
  const unitContext = await browser.newContext();
  await uploadLicenceViaApi(unitContext.request, unit);
  await unitContext.close();
  const newPhone = uniquePhone();

  // The platform has checked the licence and the stamped letter offline.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await loginAdmin(admin);
  await admin.getByLabel('关键字').fill(unit.creditCode);
  await admin.getByRole('button', { name: '搜索' }).click();
  await tableRow(admin, 'unit-table', unit.unitName).getByRole('button', { name: '详情' }).click();
  const detail = admin.getByTestId('unit-detail');
  await expect(detail).toContainText(unit.unitName);
  await expect(detail).toContainText(unit.creditCode);
  await expect(detail).toContainText(`${unit.phone.slice(0, 3)}****${unit.phone.slice(-4)}`);
  await expect(detail).toContainText('未填写');
  // The licence the admin checks before setting a new phone: its name, and 查看营业执照 opens the file.
  await expect(detail).toContainText('营业执照.pdf');
  const licence = detail.getByRole('link', { name: '查看营业执照' });
  await expect(licence).toHaveAttribute('href', /api\/files\/[0-9a-f-]{36}$/);
  const file = await admin.request.get(`/${(await licence.getAttribute('href')) ?? ''}`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');

  await admin.getByLabel('新手机号').fill(newPhone);
  await admin.getByLabel('原因').fill('已核验');
  await admin.getByRole('button', { name: '设置新手机号' }).click();
  await expect(formItem(admin, '原因')).toContainText('请写明核验情况（至少5个字）');
  await admin.getByLabel('原因').fill('已核验营业执照及加盖公章的说明（邮件）');
  await admin.getByRole('button', { name: '设置新手机号' }).click();
  await confirmBox(admin, `手机号设置为 ${newPhone}`);
  await expect(admin.getByText('新手机号已设置，请通知单位使用【忘记密码】重新设置密码')).toBeVisible();
  await expect(detail).toContainText(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`);
  await adminContext.close();

  // 忘记密码 with the new phone.
  await page.goto('/#/forgot-password');
  const newPassword = 'Found#2026np';
  await page.getByLabel('手机号').fill(newPhone);
  const code = await requestSmsCodeInPage(page, newPhone);
  await page.getByLabel('验证码').fill(code);
  await page.getByLabel('密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认密码').fill(newPassword);
  await page.getByRole('button', { name: '立即找回' }).click();
  await expect(page.getByText('密码已重置，请使用新密码登录')).toBeVisible();
  await loginUnit(page, newPhone, newPassword, unit.unitName);
});
