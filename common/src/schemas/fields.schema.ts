import { z } from 'zod';
import { creditCodeProblem } from '../credit-code';
import { passwordPolicyProblems } from '../password-policy';

/** Mainland mobile numbers, as the SMS gateways accept them. */
export const phoneSchema = z
  .string({ error: '请输入手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入正确的11位手机号');

/** The largest id a record can have: PostgreSQL's `integer`. */
export const maxRecordId = 2_147_483_647;

/**
 * A record's id as the API writes it (digits), refused with `message` when it cannot name a record:
 * a larger number would overflow the database's integer and fail there instead of here.
 */
export function recordIdSchema(message: string) {
  return z
    .string({ error: message })
    .regex(/^\d{1,10}$/, message)
    .refine((value) => Number(value) >= 1 && Number(value) <= maxRecordId, message);
}

/** The version of a record the page edited (optimistic locking). */
export const versionSchema = z
  .number({ error: '缺少版本号，请刷新页面' })
  .int('版本号不正确，请刷新页面')
  .min(0, '版本号不正确，请刷新页面')
  .max(maxRecordId, '版本号不正确，请刷新页面');

export const smsCodeSchema = z
  .string({ error: '请输入短信验证码' })
  .trim()
  .regex(/^\d{6}$/, '短信验证码为6位数字');

export const passwordSchema = z.string({ error: '请输入密码' }).superRefine((value, ctx) => {
  for (const problem of passwordPolicyProblems(value)) ctx.addIssue({ code: 'custom', message: problem });
});

/** A password typed to prove who one is: checked against the hash, never against the policy. */
export const existingPasswordSchema = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码过长');

export const creditCodeSchema = z
  .string({ error: '请输入统一社会信用代码' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem === 'format') {
      ctx.addIssue({
        code: 'custom',
        message: '应为18位统一社会信用代码（英文大写）；没有信用代码的填写 SGSR+14位数字，如 SGSR12345678911111',
      });
    } else if (problem === 'checkCharacter') {
      ctx.addIssue({ code: 'custom', message: '统一社会信用代码校验位不正确，请核对营业执照或组织机构代码证' });
    }
  });

export const captchaAnswerSchema = {
  captchaId: z.uuid({ error: '请刷新验证码' }),
  captchaCode: z.string({ error: '请输入验证码' }).trim().min(1, '请输入验证码').max(10, '验证码不正确'),
};

export const pageQuerySchema = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
  /** The `nextCursor` of the page before: the next page is read from there, however long the list. */
  after: z.string().trim().max(200).optional(),
};

export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** The list is longer than `total`: it was counted only up to that many rows. */
    totalCapped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Where the next page starts, for lists that page by key; null on the last page. */
    nextCursor: z.string().nullable().optional(),
  });
}

/** One page of a list as the API answers it. */
export type Paged<T> = Omit<z.output<ReturnType<typeof pagedSchema>>, 'items'> & { items: T[] };

/** The answer of what creates a record: its id. */
export const createdSchema = z.object({ id: z.string() });

export const okSchema = z.object({ ok: z.literal(true) });
