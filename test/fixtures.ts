import { creditCodeCheckCharacter } from '#common';
import { createAdmin } from '../server/src/modules/admin/admin.service';
import type { Agent, TestContext } from './test-app';

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1000) * 1000;

/** A credit code with a correct GB 32100 check character, different on every call. */
export function makeCreditCode(): string {
  const first17 = `91530100${String(next()).padStart(9, '0')}`;
  return first17 + creditCodeCheckCharacter(first17)!;
}

export function makePhone(): string {
  return `139${String(next()).padStart(8, '0')}`;
}

export const goodPassword = 'Yunnan#2026a';
export const otherPassword = 'Kunming@2027b';

/** The newest code the console provider “sent” to a phone. */
export async function lastSmsCode(ctx: TestContext, phone: string): Promise<string> {
  const row = await ctx.db.selectFrom('sms_outbox').select('content').where('phone', '=', phone).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return /(\d{6})/.exec(row.content)![1]!;
}

export async function sendSms(ctx: TestContext, agent: Agent, phone: string, purpose: string) {
  const res = await agent.post('/api/sms/codes', { phone, purpose });
  return res;
}

/** A unit registered through the API, as a person would: SMS code first, then the form. */
export async function registerUnit(ctx: TestContext, overrides: Partial<Record<string, string>> = {}) {
  const agent = ctx.agent();
  const phone = overrides.phone ?? makePhone();
  const creditCode = overrides.creditCode ?? makeCreditCode();
  const sms = await agent.post('/api/sms/codes', { phone, purpose: 'unitRegister' });
  if (sms.status !== 200) throw new Error(`sms: ${JSON.stringify(sms.body)}`);
  ctx.clock.advance(61_000);
  const body = {
    unitName: overrides.unitName ?? `测试单位${creditCode.slice(-6)}`,
    creditCode,
    contactName: '张三',
    phone,
    smsCode: await lastSmsCode(ctx, phone),
    password: overrides.password ?? goodPassword,
    confirmPassword: overrides.password ?? goodPassword,
  };
  const res = await agent.post('/api/units/register', body);
  if (res.status !== 201) throw new Error(`register: ${JSON.stringify(res.body)}`);
  const account = await ctx.db.selectFrom('account').select('id').where('login_name', '=', creditCode).executeTakeFirstOrThrow();
  return { ...body, unitId: Number(res.body.unitId), accountId: account.id };
}

export async function loggedInUnit(ctx: TestContext) {
  const unit = await registerUnit(ctx);
  const agent = ctx.agent();
  const res = await agent.login('unit', unit.creditCode, unit.password);
  if (res.status !== 200) throw new Error(`login: ${JSON.stringify(res.body)}`);
  return { unit, agent };
}

export async function loggedInAdmin(ctx: TestContext, username = `admin${next()}`) {
  await createAdmin(ctx.db, ctx.clock, username, goodPassword);
  const agent = ctx.agent();
  const res = await agent.adminLogin(username, goodPassword);
  if (res.status !== 200) throw new Error(`admin login: ${JSON.stringify(res.body)}`);
  return { agent, username };
}

export async function auditRows(ctx: TestContext, action: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}
