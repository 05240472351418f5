import { changePasswordBodySchema, changePhoneBodySchema, phoneReplySchema } from '../schemas/auth.schema';
import { okSchema } from '../schemas/fields.schema';
import {
  recoveryCodesSchema,
  twoFactorConfirmBodySchema,
  twoFactorDisableBodySchema,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from '../schemas/two-factor.schema';
import { endpoint } from './endpoint';

const tags = ['account'];

/** 修改手机号 and 修改密码: any signed-in account, about itself. */
export const accountContract = {
  phone: endpoint({
    method: 'GET',
    path: '/account/phone',
    tags,
    summary: '本账号的手机号（修改手机号页的原手机号）',
    response: phoneReplySchema,
  }),
  changePhone: endpoint({
    method: 'POST',
    path: '/account/phone',
    tags,
    summary: '修改手机号',
    body: changePhoneBodySchema,
    response: okSchema,
  }),
  /** A temporary password may still call this one: changing it is what it must do first. */
  changePassword: endpoint({
    method: 'POST',
    path: '/account/password',
    tags,
    summary: '修改密码',
    body: changePasswordBodySchema,
    response: okSchema,
  }),

  /** 两步验证 (admin and reviewer accounts): these stay open while TWO_FACTOR_REQUIRED waits for enrolment. */
  twoFactor: endpoint({
    method: 'GET',
    path: '/account/two-factor',
    tags,
    summary: '两步验证：是否开启、是否必须开启、剩余恢复码',
    response: twoFactorStatusSchema,
  }),
  twoFactorSetup: endpoint({
    method: 'POST',
    path: '/account/two-factor/setup',
    tags,
    summary: '两步验证：生成新密钥与二维码（确认前不生效）',
    response: twoFactorSetupSchema,
  }),
  twoFactorConfirm: endpoint({
    method: 'POST',
    path: '/account/two-factor/confirm',
    tags,
    summary: '两步验证：以当前验证码确认开启，答复10个一次性恢复码（只显示这一次）',
    body: twoFactorConfirmBodySchema,
    response: recoveryCodesSchema,
  }),
  twoFactorDisable: endpoint({
    method: 'POST',
    path: '/account/two-factor/disable',
    tags,
    summary: '两步验证：以登录密码和当前验证码关闭',
    body: twoFactorDisableBodySchema,
    response: okSchema,
  }),
};
