import {
  accountContract,
  authContract,
  type ChangePasswordBody,
  type ChangePhoneBody,
  type ResetPasswordBody,
} from '#common';
import { clientOf } from './client';

const account = clientOf(accountContract);
const auth = clientOf(authContract);

export const accountApi = {
  phone: () => account.phone(),
  changePassword: (body: ChangePasswordBody) => account.changePassword({ body }),
  changePhone: (body: ChangePhoneBody) => account.changePhone({ body }),
  /** 忘记密码: by the phone given at registration. */
  resetPassword: (body: ResetPasswordBody) => auth.resetPassword({ body }, { quietAuth: true }),
};
