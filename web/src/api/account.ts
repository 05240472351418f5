import type { ChangePasswordBody, ChangePhoneBody, ResetPasswordBody } from '#common';
import { http } from './http';

export const accountApi = {
  phone: () => http.get<{ phone: string }>('/account/phone'),
  changePassword: (body: ChangePasswordBody) => http.post<{ ok: true }>('/account/password', body),
  changePhone: (body: ChangePhoneBody) => http.post<{ ok: true }>('/account/phone', body),
  /** 忘记密码: by the phone given at registration. */
  resetPassword: (body: ResetPasswordBody) =>
    http.post<{ ok: true }>('/auth/password-reset', body, { quietAuth: true }),
};
