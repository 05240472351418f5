import type { AdminLoginBody, LoginBody, SessionAccount, SessionInfo } from '#common';
import { http } from './http';

export interface Captcha {
  captchaId: string;
  svg: string;
}

export const sessionApi = {
  get: () => http.get<SessionInfo>('/session', undefined, { quietAuth: true }),
  captcha: () => http.get<Captcha>('/captcha'),
  login: (body: LoginBody) => http.post<SessionAccount>('/auth/login', body, { quietAuth: true }),
  adminLogin: (body: AdminLoginBody) => http.post<SessionAccount>('/auth/admin-login', body, { quietAuth: true }),
  logout: () => http.post<{ ok: true }>('/auth/logout', undefined, { quietAuth: true }),
};
