import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { personalData } from '../../db/personal-data';
import {
  goodPassword,
  lastSmsCode,
  makeCreditCode,
  makePhone,
  registerUnit as registerUnitFixture,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const send = (phone: string, purpose = 'unitRegister') => ctx.agent().requestSmsCode({ phone, purpose });

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

  it('answers alike for a registered phone and an unknown one, for every purpose', async () => {
    const unit = await registerUnitFixture(ctx);
    for (const purpose of ['unitRegister', 'resetPassword']) {
      ctx.clock.advance(61_000);
      const known = await send(unit.phone, purpose);
      const unknown = await send(makePhone(), purpose);
      // remainingToday counts the phone's codes of the day, whoever asked for them: not an account.
      expect(known).toMatchObject({ status: 200, body: { ok: true, resendAfterSeconds: 60 } });
      expect(unknown).toMatchObject({ status: 200, body: { ok: true, resendAfterSeconds: 60 } });
    }
  });

  it('tells the holder of a code for a phone with no account that it has none, and uses the code up', async () => {
    const phone = makePhone();
    await send(phone, 'resetPassword');
    const code = await lastSmsCode(ctx, phone);
    const reset = () =>
      ctx.agent().post('/api/auth/password-reset', {
        kind: 'unit',
        phone,
        smsCode: code,
        password: goodPassword,
        confirmPassword: goodPassword,
      });
    expect((await reset()).body.message).toBe('该手机号没有注册账号，请核对注册时填写的手机号');
    expect((await reset()).body.message).toBe('短信验证码已失效或未获取，请重新获取');
  });

  it('sends no code without the image captcha, nor with a wrong one', async () => {
    const strict = await createTestContext({ CAPTCHA_TEST_CODE: '' });
    try {
      const agent = strict.agent();
      const phone = makePhone();
      const none = await agent.post('/api/sms/codes', { phone, purpose: 'unitRegister' });
      expect(none.status).toBe(400);
      expect(none.body.message).toContain('验证码');
      const wrong = await agent.post('/api/sms/codes', {
        phone,
        purpose: 'unitRegister',
        captchaId: await agent.captcha(),
        captchaCode: 'zzzz',
      });
      expect(wrong.body).toMatchObject({ code: 'CAPTCHA_INVALID', message: '验证码不正确，请重新输入' });
      expect((await strict.db.selectFrom('sms_code').select('id').execute()).length).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('caps the codes one address may ask for in a day, over every phone', async () => {
    const capped = await createTestContext({ SMS_DAILY_LIMIT_PER_IP: '4' });
    try {
      capped.clock.set('2026-05-21T02:00:00Z');
      const phones = Array.from({ length: 5 }, makePhone);
      for (const phone of phones.slice(0, 4)) {
        expect((await capped.agent().requestSmsCode({ phone, purpose: 'unitRegister' })).status).toBe(200);
      }
      const fifth = await capped.agent().requestSmsCode({ phone: phones[4]!, purpose: 'unitRegister' });
      expect(fifth.status).toBe(429);
      expect(fifth.body).toMatchObject({
        code: 'SMS_DAILY_LIMIT',
        message: '当前网络今日获取验证码的次数已达上限，请明天再试',
      });
      capped.clock.set('2026-05-21T16:00:30Z');
      expect((await capped.agent().requestSmsCode({ phone: phones[4]!, purpose: 'unitRegister' })).status).toBe(200);
    } finally {
      await capped.close();
    }
  });

  it('compares at most five guesses of a code, however many arrive at once', async () => {
    const phone = makePhone();
    await send(phone);
    const code = await lastSmsCode(ctx, phone);
    const wrong = code === '111111' ? '222222' : '111111';
    const answers = await Promise.all([
      ...Array.from({ length: 39 }, () => registerWith(phone, wrong)),
      registerWith(phone, code),
    ]);
    const compared = answers.filter((a) => a.status === 201 || String(a.body.message).startsWith('短信验证码不正确'));
    expect(compared.length).toBeLessThanOrEqual(5);
    const row = await ctx.db
      .selectFrom('sms_code')
      .select('failed_attempts')
      .where('phone_hash', '=', personalData(ctx.db).phoneKey(phone))
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBeLessThanOrEqual(5);
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
