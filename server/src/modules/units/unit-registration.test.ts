import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import {
  auditRows,
  goodPassword,
  lastSmsCode,
  makeCreditCode,
  makePhone,
  registerUnit,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function registration(overrides: Record<string, string> = {}) {
  const agent = ctx.agent();
  const phone = overrides.phone ?? makePhone();
  await agent.requestSmsCode({ phone, purpose: 'unitRegister' });
  const smsCode = await lastSmsCode(ctx, phone).catch(() => '000000');
  const body = {
    unitName: '云南省档案馆测试单位',
    creditCode: makeCreditCode(),
    contactName: '李四',
    phone,
    smsCode,
    password: goodPassword,
    confirmPassword: goodPassword,
    ...overrides,
  };
  return { agent, body, res: await agent.post('/api/units/register', body) };
}

describe('单位注册', () => {
  it('registers a unit with a valid credit code and lets it log in with the credit code or the phone', async () => {
    const { body, res } = await registration();
    expect(res.status).toBe(201);
    const byCode = await ctx.agent().login('unit', body.creditCode, goodPassword);
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({
      kind: 'unit',
      displayName: '云南省档案馆测试单位',
      loginName: body.creditCode,
    });
    expect(byCode.body.phoneMasked).toBe(`${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`);
    expect((await ctx.agent().login('unit', body.phone, goodPassword)).status).toBe(200);
  });

  it('accepts the SGSR form for a unit without a credit code', async () => {
    const code = `SGSR${String(Date.now()).slice(-14).padStart(14, '0')}`;
    const { res } = await registration({ creditCode: code });
    expect(res.status).toBe(201);
  });

  it('refuses a credit code whose check character is wrong, naming the field in Chinese', async () => {
    const valid = makeCreditCode();
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const { res } = await registration({ creditCode: wrong });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toBe('统一社会信用代码：统一社会信用代码校验位不正确，请核对营业执照或组织机构代码证');
    expect(res.body.requestId).toBeTruthy();
  });

  it('refuses a lower-case SGSR code and a code of the wrong length', async () => {
    for (const creditCode of ['sgsr12345678911111', 'SGSR1234567891111', '91530100123']) {
      const { res } = await registration({ creditCode });
      expect(res.status).toBe(400);
      expect(res.body.details.issues[0]).toMatchObject({ field: 'creditCode', label: '统一社会信用代码' });
    }
  });

  it.each([
    ['Ab1!', '密码长度为8到16位'],
    ['Abcdefg1!Abcdefg1', '密码长度为8到16位'],
    ['Abcd 1234!', '密码中不能包含空格'],
    ['Abcdefgh!', '密码必须包含数字'],
    ['12345678!', '密码必须包含英文字母'],
    ['Abcd12345', '密码必须包含特殊字符（如 !@#% 等）'],
  ])('refuses the password %s: %s', async (password, problem) => {
    const { res } = await registration({ password, confirmPassword: password });
    expect(res.status).toBe(400);
    const issue = res.body.details.issues.find((i: { field: string }) => i.field === 'password');
    expect(issue).toMatchObject({ label: '密码', message: problem });
  });

  it('refuses two passwords that differ', async () => {
    const { res } = await registration({ confirmPassword: 'Other#2026x' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('确认密码：两次输入的密码不一致');
  });

  it('refuses a credit code or a phone that is already registered, with a clear message', async () => {
    const first = await registerUnit(ctx);
    const again = await registration({ creditCode: first.creditCode });
    expect(again.res.status).toBe(409);
    expect(again.res.body.code).toBe('CREDIT_CODE_TAKEN');
    expect(again.res.body.message).toContain('该统一社会信用代码已注册');

    // Not before the code: a stranger without the phone cannot learn that the credit code is registered.
    const unproven = await ctx.agent().post('/api/units/register', { ...again.body, smsCode: '000000' });
    expect(unproven.body.code).toBe('SMS_CODE_INVALID');

    ctx.clock.advance(61_000);
    const phoneAgain = await registration({ phone: first.phone });
    expect(phoneAgain.res.status).toBe(409);
    expect(phoneAgain.res.body.message).toBe('该手机号已被其他账号使用，请更换手机号');
    // That answer used the code up: each code buys one look.
    const retry = await ctx.agent().post('/api/units/register', { ...phoneAgain.body, creditCode: makeCreditCode() });
    expect(retry.body.code).toBe('SMS_CODE_INVALID');
  });

  it('refuses a wrong SMS code and leaves no unit behind', async () => {
    const { body, res } = await registration({ smsCode: '000000' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SMS_CODE_INVALID');
    const units = await ctx.db.selectFrom('unit').select('id').where('credit_code', '=', body.creditCode).execute();
    expect(units).toHaveLength(0);
  });

  it('writes the registration to the audit log with the phone masked', async () => {
    const unit = await registerUnit(ctx);
    const rows = (await auditRows(ctx, 'unit.register')).filter((r) => r.object_id === String(unit.unitId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_role: 'unit',
      actor_account_id: unit.accountId,
      outcome: 'success',
      object_type: 'unit',
    });
    const detail = JSON.stringify(rows[0]!.detail);
    expect(detail).not.toContain(unit.phone);
    expect(detail).toContain(`${unit.phone.slice(0, 3)}****${unit.phone.slice(-4)}`);
    expect(detail).not.toContain(unit.password);
  });
});
