import { z } from 'zod';
import { accountKinds } from '../enums';
import { idNumberProblem } from '../id-number';
import {
  pagedSchema,
  pageQuerySchema,
  passwordSchema,
  phoneSchema,
  recordIdSchema,
  smsCodeSchema,
} from './fields.schema';

export const idNumberSchema = z
  .string({ error: '请输入身份证号' })
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((value, ctx) => {
    const problem = idNumberProblem(value);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: '身份证号应为18位（最后一位可以是X）' });
    else if (problem === 'birthDate') ctx.addIssue({ code: 'custom', message: '身份证号中的出生日期不正确' });
    else if (problem === 'checkCharacter') ctx.addIssue({ code: 'custom', message: '身份证号校验位不正确，请核对' });
  });

const personName = z.string({ error: '请输入姓名' }).trim().min(2, '姓名至少2个字').max(30, '姓名不超过30个字');

export const applicantRegisterBodySchema = z
  .object({
    name: personName,
    idNumber: idNumberSchema,
    phone: phoneSchema,
    smsCode: smsCodeSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: '请再次输入密码' }),
  })
  .refine((b) => b.password === b.confirmPassword, { message: '两次输入的密码不一致', path: ['confirmPassword'] });
export type ApplicantRegisterBody = z.input<typeof applicantRegisterBodySchema>;

export const applicantProfileSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  phoneMasked: z.string(),
  unit: z.object({ unitId: z.string(), unitName: z.string() }).nullable(),
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;
export const applicantProfileBodySchema = z.object({ name: personName });

export const unitSearchQuerySchema = z.object({
  keyword: z.string({ error: '请输入单位名称或统一社会信用代码' }).trim().min(2, '请至少输入2个字').max(100),
});
export const unitSearchRowSchema = z.object({ unitId: z.string(), unitName: z.string(), creditCode: z.string() });
export type UnitSearchRow = z.infer<typeof unitSearchRowSchema>;
export const chooseUnitBodySchema = z.object({
  unitId: recordIdSchema('请选择单位'),
});

/** 专业技术人员 (manual §3.1): a unit's people, masked. */
export const personQuerySchema = z.object({
  keyword: z.string().trim().max(30).optional(),
  unitName: z.string().trim().max(100).optional(),
  ...pageQuerySchema,
});
export const personRowSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  idNumberMasked: z.string(),
  unitName: z.string(),
  age: z.number().int(),
  phoneMasked: z.string(),
  locked: z.boolean(),
});
export type PersonRow = z.infer<typeof personRowSchema>;
export const personPageSchema = pagedSchema(personRowSchema);
export const accountParamsSchema = z.object({ accountId: recordIdSchema('人员不存在') });

export const messageBodySchema = z.object({
  content: z.string({ error: '请输入消息内容' }).trim().min(1, '请输入消息内容').max(500, '消息内容不超过500个字'),
});

/** 消息中心 (manual §6). */
export const messageQuerySchema = z.object({
  keyword: z.string().trim().max(50).optional(),
  unread: z.enum(['true', 'false']).optional(),
  ...pageQuerySchema,
});
export type MessageQuery = z.infer<typeof messageQuerySchema>;
export const inboxRowSchema = z.object({
  id: z.string(),
  senderName: z.string(),
  senderKind: z.enum([...accountKinds, 'system']),
  content: z.string(),
  read: z.boolean(),
  sentAt: z.string(),
});
export type InboxRow = z.infer<typeof inboxRowSchema>;
export const inboxPageSchema = pagedSchema(inboxRowSchema).extend({ unread: z.number().int() });
export const sentRowSchema = z.object({
  id: z.string(),
  recipientName: z.string(),
  senderName: z.string(),
  senderKind: z.enum([...accountKinds, 'system']),
  content: z.string(),
  read: z.boolean(),
  sentAt: z.string(),
});
export type SentRow = z.infer<typeof sentRowSchema>;
export const sentPageSchema = pagedSchema(sentRowSchema);
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const temporaryPasswordSchema = z.object({ temporaryPassword: z.string() });
