import { changePasswordBodySchema, changePhoneBodySchema, phoneReplySchema } from '../schemas/auth.schema';
import { okSchema } from '../schemas/fields.schema';
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
};
