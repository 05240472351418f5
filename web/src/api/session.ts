import { authContract, type AdminLoginBody, type LoginBody, type TwoFactorLoginBody } from '#common';
import { clientOf } from './client';

export type { Captcha } from '#common';

const auth = clientOf(authContract);

export const sessionApi = {
  get: () => auth.session({}, { quietAuth: true }),
  captcha: () => auth.captcha(),
  login: (body: LoginBody) => auth.login({ body }, { quietAuth: true }),
  adminLogin: (body: AdminLoginBody) => auth.adminLogin({ body }, { quietAuth: true }),
  /** The second step of a login whose answer was `twoFactorRequired`. */
  twoFactorLogin: (body: TwoFactorLoginBody) => auth.twoFactorLogin({ body }, { quietAuth: true }),
  logout: () => auth.logout({}, { quietAuth: true }),
};
