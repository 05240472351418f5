import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { goodPassword, lastSmsCode, makeCreditCode, makePhone } from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const send = (phone: string, purpose = 'unitRegister') => ctx.agent().post('/api/sms/codes', { phone, purpose });

function registerWith(phone: string, smsCode: string) {
  return ctx.agent().post('/api/units/register', {
    unitName: '短信测试单位',
    creditCode: makeCreditCode(),
    contactName: '王五',
    phone,
    smsCode,
    password: goodPassword,
    confirmPassword: goodPassword,
  });
}

describe('短信验证码', () => {
  it('sends a 6-digit code, then refuses another within 60 seconds', async () => {
    const phone = makePhone();
    const first = await send(phone);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ok: true, resendAfterSeconds: 60, remainingToday: 2 });
    expect(await lastSmsCode(ctx, phone)).toMatch(/^\d{6}$/);
    ctx.clock.advance(30_000);
    const tooSoon = await send(phone);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body).toMatchObject({ code: 'SMS_TOO_FREQUENT', message: '验证码发送过于频繁，请 30 秒后再试' });
    ctx.clock.advance(31_000);
    expect((await send(phone)).status).toBe(200);
  });

  it('allows three codes a phone a day; the fourth is refused until the next Beijing day', async () => {
    ctx.clock.set('2026-05-20T02:00:00Z'); // 10:00 in Beijing
    const phone = makePhone();
    for (let i = 0; i < 3; i++) {
      expect((await send(phone)).status).toBe(200);
      ctx.clock.advance(61_000);
    }
    const fourth = await send(phone);
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ code: 'SMS_DAILY_LIMIT', message: '同一手机号每天仅有 3 次获取验证码的机会' });
    ctx.clock.set('2026-05-20T15:59:00Z'); // 23:59 in Beijing: still the same day
    expect((await send(phone)).body.code).toBe('SMS_DAILY_LIMIT');
    ctx.clock.set('2026-05-20T16:00:30Z'); // 00:00:30 the next day in Beijing
    expect((await send(phone)).status).toBe(200);
  });

  it('does not count a refused send against the day', async () => {
    const phone = makePhone();
    await send(phone);
    await send(phone); // too soon: refused
    ctx.clock.advance(61_000);
    expect((await send(phone)).body.remainingToday).toBe(1);
  });

  it('accepts a code once', async () => {
    const phone = makePhone();
    await send(phone);
    const code = await lastSmsCode(ctx, phone);
    expect((await registerWith(phone, code)).status).toBe(201);
    const again = await ctx.agent().post('/api/auth/password-reset', {
      kind: 'unit',
      phone,
      smsCode: code,
      password: 'Another#2026',
      confirmPassword: 'Another#2026',
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('SMS_CODE_INVALID');
  });

  it('lets a code expire after 10 minutes', async () => {
    const phone = makePhone();
    await send(phone);
    const code = await lastSmsCode(ctx, phone);
    ctx.clock.advanceMinutes(10.1);
    const res = await registerWith(phone, code);
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('短信验证码已失效或未获取，请重新获取');
  });

  it('accepts a code for its own purpose only', async () => {
    const phone = makePhone();
    await send(phone, 'applicantRegister');
    const res = await registerWith(phone, await lastSmsCode(ctx, phone));
    expect(res.status).toBe(422);
  });

  it('allows five wrong tries; after them even the right code is refused', async () => {
    const phone = makePhone();
    await send(phone);
    const code = await lastSmsCode(ctx, phone);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let left = 4; left >= 1; left--) {
      expect((await registerWith(phone, wrong)).body.message).toBe(`短信验证码不正确，还可以再试 ${left} 次`);
    }
    expect((await registerWith(phone, wrong)).body.message).toBe('短信验证码错误次数过多，请重新获取');
    expect((await registerWith(phone, code)).body.message).toBe('短信验证码错误次数过多，请重新获取');
  });

  it('refuses a reset code for a phone no unit registered, before spending a send', async () => {
    const phone = makePhone();
    const res = await send(phone, 'resetPassword');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('该手机号没有注册账号');
    const sent = await ctx.db.selectFrom('sms_code').select('id').where('phone', '=', phone).execute();
    expect(sent).toHaveLength(0);
  });

  it('lets only a logged-in account ask for a change-phone code', async () => {
    const res = await send(makePhone(), 'changePhone');
    expect(res.status).toBe(401);
  });

  it('shows sent messages in the development outbox, newest first', async () => {
    const phone = makePhone();
    await send(phone);
    ctx.clock.advance(61_000);
    await send(phone);
    const outbox = await ctx.agent().get(`/api/dev/sms-outbox?phone=${phone}`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.items).toHaveLength(2);
    expect(outbox.body.items[0].content).toContain(await lastSmsCode(ctx, phone));
    expect(outbox.body.items[0].content).toMatch(/10 分钟内有效/);
  });
});

describe('短信验证码 for 单位找回密码', () => {
  it('says the phone has no unit account when the page asks for a unit', async () => {
    const res = await ctx
      .agent()
      .post('/api/sms/codes', { phone: makePhone(), purpose: 'resetPassword', kind: 'unit' });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('该手机号没有注册单位账号，请核对注册时填写的手机号');
  });
});
