import type { Browser } from '@playwright/test';
import { CAPTCHA } from './support';
import { captchaId, login, type Api } from './review-support';

/** A 审核用户 working through the API: the one-time password replaced first, as the page makes it do. */
export async function reviewerApi(browser: Browser, username: string, temporary: string): Promise<Api> {
  const { request } = await browser.newContext();
  const first = await login(request, 'reviewer', username, temporary);
  const password = `Rev#${username.slice(-6)}ok`;
  await first.send(
    'POST',
    '/api/account/password',
    {
      oldPassword: temporary,
      newPassword: password,
      confirmNewPassword: password,
      captchaId: await captchaId(request),
      captchaCode: CAPTCHA,
    },
    200,
  );
  return login(request, 'reviewer', username, password);
}

/** 通过 of one application at an API desk, with an opinion. */
export async function approveViaApi(desk: Api, applicationId: string, opinion: string): Promise<void> {
  const { version } = await desk.get(`/api/applications/${applicationId}`);
  await desk.send(
    'POST',
    '/api/review/decisions',
    { items: [{ id: applicationId, version }], action: 'approve', opinion },
    200,
  );
}
