import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { personalData } from '../../db/personal-data';
import {
  auditRows,
  lastSmsCode,
  loggedInUnit,
  makePhone,
  otherPassword,
  registerUnit,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function changePassword(
  agent: ReturnType<TestContext['agent']>,
  oldPassword: string,
  newPassword: string,
  confirm = newPassword,
) {
  return agent.post('/api/account/password', {
    oldPassword,
    newPassword,
    confirmNewPassword: confirm,
    captchaId: await agent.captcha(),
    captchaCode: 'test',
  });
}

describe('修改密码', () => {
  it('changes the password: the new one opens the account, the old one no longer does', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    expect((await changePassword(agent, unit.password, otherPassword)).status).toBe(200);
    expect((await ctx.agent().login('unit', unit.creditCode, unit.password)).status).toBe(401);
    expect((await ctx.agent().login('unit', unit.creditCode, otherPassword)).status).toBe(200);
    const rows = (await auditRows(ctx, 'account.password.change')).filter(
      (r) => r.object_id === String(unit.accountId),
    );
    expect(rows.map((r) => r.outcome)).toEqual(['success']);
    expect(JSON.stringify(rows)).not.toContain(otherPassword);
  });

  it('signs out the other sessions of the account, and keeps the one that made the change', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const elsewhere = ctx.agent();
    await elsewhere.login('unit', unit.creditCode, unit.password);
    expect((await changePassword(agent, unit.password, otherPassword)).status).toBe(200);
    expect((await elsewhere.get('/api/units/me')).status).toBe(401);
    expect((await agent.get('/api/units/me')).status).toBe(200);
  });

  it('refuses a wrong old password, a weak new one and a mismatched confirmation', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const wrongOld = await changePassword(agent, 'Not-it#2026', otherPassword);
    expect(wrongOld.status).toBe(401);
    expect(wrongOld.body.message).toBe('旧密码不正确，再输错 4 次账号将被锁定');
    const weak = await changePassword(agent, unit.password, 'abcdefgh');
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/^新密码：/);
    const mismatch = await changePassword(agent, unit.password, otherPassword, 'Other#20261');
    expect(mismatch.body.message).toBe('确认新密码：两次输入的新密码不一致');
    const same = await changePassword(agent, unit.password, unit.password);
    expect(same.body.message).toBe('新密码：新密码不能与旧密码相同');
    expect((await ctx.agent().login('unit', unit.creditCode, unit.password)).status).toBe(200);
  });

  it('counts wrong old passwords like wrong logins: the fifth locks the account and ends its sessions', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    expect((await ctx.agent().login('unit', unit.creditCode, 'Wrong#pass1')).status).toBe(401);
    for (let left = 3; left >= 1; left--) {
      expect((await changePassword(agent, 'Not-it#2026', otherPassword)).body.message).toBe(
        `旧密码不正确，再输错 ${left} 次账号将被锁定`,
      );
    }
    const fifth = await changePassword(agent, 'Not-it#2026', otherPassword);
    expect(fifth).toMatchObject({
      status: 423,
      body: { code: 'ACCOUNT_LOCKED', message: '密码连续输错 5 次，账号已锁定，请 15 分钟后再试，或联系平台进行解锁' },
    });
    expect((await agent.get('/api/units/me')).status).toBe(401);
    expect((await ctx.agent().login('unit', unit.creditCode, unit.password)).status).toBe(423);
    const locks = (await auditRows(ctx, 'account.lock')).filter((r) => r.object_id === String(unit.accountId));
    expect(locks).toHaveLength(1);
  });

  it('needs a login', async () => {
    const res = await ctx.agent().post('/api/account/password', {
      oldPassword: 'x',
      newPassword: otherPassword,
      confirmNewPassword: otherPassword,
      captchaId: crypto.randomUUID(),
      captchaCode: 'test',
    });
    expect(res.status).toBe(401);
  });
});

describe('修改手机号', () => {
  it('shows the current phone, changes it with a code sent to the new phone, and logs in with the new phone', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    expect((await agent.get('/api/account/phone')).body).toEqual({ phone: unit.phone });
    const newPhone = makePhone();
    expect((await agent.requestSmsCode({ phone: newPhone, purpose: 'changePhone' })).status).toBe(200);
    const res = await agent.post('/api/account/phone', { newPhone, smsCode: await lastSmsCode(ctx, newPhone) });
    expect(res.status).toBe(200);
    expect((await agent.get('/api/account/phone')).body).toEqual({ phone: newPhone });
    expect((await ctx.agent().login('unit', newPhone, unit.password)).status).toBe(200);
    expect((await ctx.agent().login('unit', unit.phone, unit.password)).status).toBe(401);
    const row = (await auditRows(ctx, 'account.phone.change')).find((r) => r.object_id === String(unit.accountId));
    expect(row?.detail).toEqual({
      from: `${unit.phone.slice(0, 3)}****${unit.phone.slice(-4)}`,
      to: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`,
    });
  });

  it('refuses a phone another unit uses once the code proves it, and a code sent to another phone', async () => {
    const other = await registerUnit(ctx);
    const { agent } = await loggedInUnit(ctx);
    ctx.clock.advance(61_000);
    // Sent like any other: whether the phone has an account is told only to whoever holds it.
    expect((await agent.requestSmsCode({ phone: other.phone, purpose: 'changePhone' })).status).toBe(200);
    const taken = await agent.post('/api/account/phone', {
      newPhone: other.phone,
      smsCode: await lastSmsCode(ctx, other.phone),
    });
    expect(taken).toMatchObject({ status: 409, body: { message: '该手机号已被其他账号使用，请更换手机号' } });
    const a = makePhone();
    const b = makePhone();
    await agent.requestSmsCode({ phone: a, purpose: 'changePhone' });
    const res = await agent.post('/api/account/phone', { newPhone: b, smsCode: await lastSmsCode(ctx, a) });
    expect(res.status).toBe(422);
  });
});

describe('修改手机号 and the 联系电话 of a unit', () => {
  async function changePhone(agent: ReturnType<TestContext['agent']>, newPhone: string) {
    await agent.requestSmsCode({ phone: newPhone, purpose: 'changePhone' });
    return agent.post('/api/account/phone', { newPhone, smsCode: await lastSmsCode(ctx, newPhone) });
  }

  it('moves the 联系电话 along when it was the old login phone (首页 and 单位信息 show the new one)', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    expect((await agent.get('/api/units/me/info')).body.contactPhone).toBe(unit.phone);
    const newPhone = makePhone();
    expect((await changePhone(agent, newPhone)).status).toBe(200);
    expect((await agent.get('/api/units/me/info')).body.contactPhone).toBe(newPhone);
  });

  it('keeps a 联系电话 the unit set apart from its login phone', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const landline = personalData(ctx.db).phone('0571-87654321');
    await ctx.db
      .updateTable('unit')
      .set({ contact_phone: landline.sealed, contact_phone_hash: landline.key })
      .where('account_id', '=', unit.accountId)
      .execute();
    expect((await changePhone(agent, makePhone())).status).toBe(200);
    expect((await agent.get('/api/units/me/info')).body.contactPhone).toBe('0571-87654321');
  });
});

describe('修改手机号 to the current phone', () => {
  it('says the new phone is the current one, both when asking for a code and when submitting', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const sms = await agent.requestSmsCode({ phone: unit.phone, purpose: 'changePhone' });
    expect(sms.status).toBe(422);
    expect(sms.body).toMatchObject({ code: 'PHONE_UNCHANGED', message: '新手机号与当前手机号相同，无需修改' });
    const res = await agent.post('/api/account/phone', { newPhone: unit.phone, smsCode: '123456' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'PHONE_UNCHANGED', message: '新手机号与当前手机号相同，无需修改' });
  });
});

describe('忘记密码', () => {
  it('sets a new password through the registered phone and signs out existing sessions', async () => {
    const unit = await registerUnit(ctx);
    const session = ctx.agent();
    await session.login('unit', unit.creditCode, unit.password);
    const agent = ctx.agent();
    expect((await agent.requestSmsCode({ phone: unit.phone, purpose: 'resetPassword' })).status).toBe(200);
    const res = await agent.post('/api/auth/password-reset', {
      kind: 'unit',
      phone: unit.phone,
      smsCode: await lastSmsCode(ctx, unit.phone),
      password: otherPassword,
      confirmPassword: otherPassword,
    });
    expect(res.status).toBe(200);
    expect((await ctx.agent().login('unit', unit.creditCode, otherPassword)).status).toBe(200);
    expect((await session.get('/api/units/me')).status).toBe(401);
    expect((await auditRows(ctx, 'account.password.reset')).some((r) => r.object_id === String(unit.accountId))).toBe(
      true,
    );
  });

  it('does not unlock a locked account: only the platform does', async () => {
    const unit = await registerUnit(ctx);
    for (let i = 0; i < 5; i++) await ctx.agent().login('unit', unit.creditCode, 'Wrong#pass1');
    const agent = ctx.agent();
    ctx.clock.advance(61_000);
    await agent.requestSmsCode({ phone: unit.phone, purpose: 'resetPassword' });
    await agent.post('/api/auth/password-reset', {
      kind: 'unit',
      phone: unit.phone,
      smsCode: await lastSmsCode(ctx, unit.phone),
      password: otherPassword,
      confirmPassword: otherPassword,
    });
    expect((await ctx.agent().login('unit', unit.creditCode, otherPassword)).body.code).toBe('ACCOUNT_LOCKED');
  });
});
