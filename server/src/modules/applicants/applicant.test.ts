import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import {
  auditRows,
  goodPassword,
  lastSmsCode,
  loggedInApplicant,
  loggedInUnit,
  makeIdNumber,
  makePhone,
  registerApplicant,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function register(overrides: Record<string, string> = {}) {
  const agent = ctx.agent();
  const phone = overrides.phone ?? makePhone();
  await agent.requestSmsCode({ phone, purpose: 'applicantRegister' });
  const body = {
    name: '王伟',
    idNumber: makeIdNumber(),
    phone,
    smsCode: await lastSmsCode(ctx, phone),
    password: goodPassword,
    confirmPassword: goodPassword,
    ...overrides,
  };
  return { body, res: await agent.post('/api/applicants/register', body) };
}

describe('个人用户注册与登录', () => {
  it('registers with a valid ID number and logs in on the 个人用户 tab by ID number or phone', async () => {
    const { body, res } = await register();
    expect(res.status).toBe(201);
    const byId = await ctx.agent().login('applicant', body.idNumber, goodPassword);
    expect(byId.body).toMatchObject({ kind: 'applicant', displayName: '王伟' });
    expect((await ctx.agent().login('applicant', body.phone, goodPassword)).status).toBe(200);
    expect((await ctx.agent().login('unit', body.idNumber, goodPassword)).status).toBe(401);
  });

  it('accepts a small x as the last character of the ID number', async () => {
    let idNumber = makeIdNumber();
    while (!idNumber.endsWith('X')) idNumber = makeIdNumber();
    const { res } = await register({ idNumber: idNumber.toLowerCase() });
    expect(res.status).toBe(201);
    expect((await ctx.agent().login('applicant', idNumber.toLowerCase(), goodPassword)).status).toBe(200);
  });

  it.each([
    ['11010519491231002X', null],
    ['110105194912310021', '身份证号：身份证号校验位不正确，请核对'],
    ['11010519491331002X', '身份证号：身份证号中的出生日期不正确'],
    ['1101051949123100', '身份证号：身份证号应为18位（最后一位可以是X）'],
  ])('checks the ID number %s (GB 11643)', async (idNumber, message) => {
    const { res } = await register({ idNumber });
    if (message === null) expect(res.status).toBe(201);
    else expect(res.body.message).toBe(message);
  });

  it('refuses an ID number or a phone already registered', async () => {
    const person = await registerApplicant(ctx);
    const again = await register({ idNumber: person.idNumber });
    expect(again.res.status).toBe(409);
    expect(again.res.body.message).toContain('该身份证号已注册');
    // Not before the code: a stranger without the phone cannot learn that the ID number is registered.
    const unproven = await ctx.agent().post('/api/applicants/register', { ...again.body, smsCode: '000000' });
    expect(unproven.status).toBe(422);
    expect(unproven.body.code).toBe('SMS_CODE_INVALID');
    ctx.clock.advance(61_000);
    const phoneAgain = await register({ phone: person.phone });
    expect(phoneAgain.res.status).toBe(409);
    expect(phoneAgain.res.body.message).toBe('该手机号已被其他账号使用，请更换手机号');
  });

  it('welcomes the new person in 我的消息 and masks the ID number in the audit log', async () => {
    const { person, agent } = await loggedInApplicant(ctx);
    const inbox = (await agent.get('/api/messages/inbox')).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ senderName: '系统通知', senderKind: 'system', read: false });
    const row = (await auditRows(ctx, 'applicant.register')).find((r) => r.object_id === String(person.accountId));
    expect(JSON.stringify(row)).not.toContain(person.idNumber);
    expect(row?.detail).toMatchObject({
      idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
    });
  });

  it('recovers a forgotten password by phone', async () => {
    const person = await registerApplicant(ctx);
    const agent = ctx.agent();
    ctx.clock.advance(61_000);
    await agent.requestSmsCode({ phone: person.phone, purpose: 'resetPassword' });
    const res = await agent.post('/api/auth/password-reset', {
      kind: 'applicant',
      phone: person.phone,
      smsCode: await lastSmsCode(ctx, person.phone),
      password: 'Renew#2026x',
      confirmPassword: 'Renew#2026x',
    });
    expect(res.status).toBe(200);
    expect((await ctx.agent().login('applicant', person.idNumber, 'Renew#2026x')).status).toBe(200);
  });
});

describe('个人信息与选择单位', () => {
  it('shows the person’s details with gender and birth date from the ID number', async () => {
    const { person, agent } = await loggedInApplicant(ctx);
    const me = (await agent.get('/api/applicants/me')).body;
    expect(me).toEqual({
      name: person.name,
      idNumber: person.idNumber,
      gender: 'male',
      birthDate: '1990-01-01',
      phoneMasked: `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`,
      unit: null,
    });
  });

  it('finds a registered unit by name or credit code, and finds nothing for an unregistered one', async () => {
    const { unit } = await loggedInUnit(ctx);
    const { agent } = await loggedInApplicant(ctx);
    expect((await agent.get(`/api/applicants/unit-search?keyword=${encodeURIComponent(unit.unitName)}`)).body).toEqual([
      { unitId: String(unit.unitId), unitName: unit.unitName, creditCode: unit.creditCode },
    ]);
    expect((await agent.get(`/api/applicants/unit-search?keyword=${unit.creditCode}`)).body).toHaveLength(1);
    expect(
      (await agent.get(`/api/applicants/unit-search?keyword=${encodeURIComponent('没有注册的单位')}`)).body,
    ).toEqual([]);
    const none = await agent.post('/api/applicants/me/unit', { unitId: '999999' });
    expect(none.status).toBe(404);
    expect(none.body.message).toContain('检索不到单位');
  });

  it('lets a person choose a unit whose information is incomplete, but says it blocks submission (FAQ §7.6)', async () => {
    const { unit } = await loggedInUnit(ctx);
    const { agent } = await loggedInApplicant(ctx, unit.unitId);
    expect((await agent.get('/api/applicants/me')).body.unit).toEqual({
      unitId: String(unit.unitId),
      unitName: unit.unitName,
    });
    const readiness = (await agent.get('/api/applicants/me/unit-readiness')).body;
    expect(readiness.canSubmit).toBe(false);
    expect(readiness.blockers[0]).toEqual({ code: 'UNIT_INFO_INCOMPLETE', message: '单位信息不完整，请联系单位完善' });
  });

  it('is the applicant’s own page: a unit gets 403', async () => {
    const { agent } = await unitWithInfo(ctx);
    expect((await agent.get('/api/applicants/me')).status).toBe(403);
    expect((await agent.post('/api/applicants/me/unit', { unitId: '1' })).status).toBe(403);
  });
});
