import {
  adminLoginBodySchema,
  captchaSchema,
  loginBodySchema,
  resetPasswordBodySchema,
  sessionAccountSchema,
  sessionSchema,
} from '../schemas/auth.schema';
import { okSchema } from '../schemas/fields.schema';
import { loginReplySchema, twoFactorLoginBodySchema } from '../schemas/two-factor.schema';
import { endpoint } from './endpoint';

const tags = ['auth'];

/** Signing in and out, the session the pages start from, and 忘记密码 (manual §1). */
export const authContract = {
  captcha: endpoint({
    method: 'GET',
    path: '/captcha',
    tags,
    summary: '图形验证码（一次有效，5 分钟）',
    response: captchaSchema,
  }),
  session: endpoint({
    method: 'GET',
    path: '/session',
    tags,
    summary: '当前登录状态与 CSRF 令牌',
    response: sessionSchema,
  }),
  login: endpoint({
    method: 'POST',
    path: '/auth/login',
    tags,
    summary: '登录（个人用户 / 单位用户 / 审核用户）；开启两步验证的账号答复 twoFactorRequired，再以验证码完成登录',
    body: loginBodySchema,
    response: loginReplySchema,
  }),
  adminLogin: endpoint({
    method: 'POST',
    path: '/auth/admin-login',
    tags,
    summary: '平台管理员登录；开启两步验证的账号答复 twoFactorRequired，再以验证码完成登录',
    body: adminLoginBodySchema,
    response: loginReplySchema,
  }),
  /** The second step after a right password: 5 minutes, counted like a password, then the session. */
  twoFactorLogin: endpoint({
    method: 'POST',
    path: '/auth/two-factor',
    tags,
    summary: '两步验证：以验证器的6位验证码或一个恢复码完成登录',
    body: twoFactorLoginBodySchema,
    response: sessionAccountSchema,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/auth/logout',
    tags,
    summary: '退出登录',
    response: okSchema,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/auth/password-reset',
    tags,
    summary: '忘记密码：通过注册手机号找回',
    body: resetPasswordBodySchema,
    response: okSchema,
  }),
};
