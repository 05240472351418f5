import {
  accountContract,
  authContract,
  type ChangePasswordBody,
  type ChangePhoneBody,
  type ResetPasswordBody,
  type TwoFactorConfirmBody,
  type TwoFactorDisableBody,
} from '#common';
import { clientOf } from './client';

const account = clientOf(accountContract);
const auth = clientOf(authContract);

export const accountApi = {
  phone: () => account.phone(),
  changePassword: (body: ChangePasswordBody) => account.changePassword({ body }),
  changePhone: (body: ChangePhoneBody) => account.changePhone({ body }),
  twoFactor: () => account.twoFactor(),
  twoFactorSetup: () => account.twoFactorSetup(),
  twoFactorConfirm: (body: TwoFactorConfirmBody) => account.twoFactorConfirm({ body }),
  twoFactorDisable: (body: TwoFactorDisableBody) => account.twoFactorDisable({ body }),
  /** 忘记密码: by the phone given at registration. */
  resetPassword: (body: ResetPasswordBody) => auth.resetPassword({ body }, { quietAuth: true }),
};
