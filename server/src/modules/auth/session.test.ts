import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { auditRows, registerUnit } from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('会话', () => {
  it('tells the pages the SMS limit of the day this server keeps, for the forms to say', async () => {
    expect((await ctx.agent().get('/api/session')).body.smsDailyLimit).toBe(3);
    const five = await createTestContext({ SMS_DAILY_LIMIT: '5' });
    try {
      expect((await five.agent().get('/api/session')).body.smsDailyLimit).toBe(5);
    } finally {
      await five.close();
    }
  });

  it('issues a new session id at every login, as an HttpOnly SameSite=Lax cookie', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    agent.setSessionToken('planted-by-an-attacker');
    const first = await agent.login('unit', unit.creditCode, unit.password);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/zc_session=[^;]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const token1 = agent.sessionToken;
    expect(token1).not.toBe('planted-by-an-attacker');
    await agent.login('unit', unit.creditCode, unit.password);
    expect(agent.sessionToken).not.toBe(token1);
    expect((await agent.get('/api/session')).body.account.loginName).toBe(unit.creditCode);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    const captchaId = await agent.captcha();
    const res = await agent.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { kind: 'unit', username: unit.creditCode, password: unit.password, captchaId, captchaCode: 'test' },
    });
    expect(res.status).toBe(200);
    // Without TRUST_PROXY the forwarded header is ignored: plain HTTP, no Secure flag.
    expect(String(res.headers['set-cookie'])).not.toContain('Secure');
    const behindProxy = await createTestContext({ TRUST_PROXY: 'true' });
    try {
      const u = await registerUnit(behindProxy);
      const a = behindProxy.agent();
      const id = await a.captcha();
      const r = await a.request({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { kind: 'unit', username: u.creditCode, password: u.password, captchaId: id, captchaCode: 'test' },
      });
      expect(String(r.headers['set-cookie'])).toContain('Secure');
    } finally {
      await behindProxy.close();
    }
  });

  it('ends the session after 30 minutes without activity', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    await agent.login('unit', unit.creditCode, unit.password);
    ctx.clock.advanceMinutes(29);
    expect((await agent.get('/api/units/me')).status).toBe(200);
    ctx.clock.advanceMinutes(29);
    expect((await agent.get('/api/units/me')).status).toBe(200);
    ctx.clock.advanceMinutes(31);
    const expired = await agent.get('/api/units/me');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' });
    expect((await agent.get('/api/session')).body).toMatchObject({ account: null, sessionExpired: true });
    expect((await ctx.agent().get('/api/session')).body).toMatchObject({ account: null, sessionExpired: false });
  });

  it('ends the session 12 hours after login even when it is used all the time', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    await agent.login('unit', unit.creditCode, unit.password);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      ctx.clock.advanceMinutes(20);
      expect((await agent.get('/api/units/me')).status).toBe(200);
    }
    ctx.clock.advanceMinutes(21);
    expect((await agent.get('/api/units/me')).body.code).toBe('SESSION_EXPIRED');
  });

  it('ends the session at logout: the old cookie no longer opens anything', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    await agent.login('unit', unit.creditCode, unit.password);
    const token = agent.sessionToken!;
    expect((await agent.post('/api/auth/logout')).status).toBe(200);
    const replay = ctx.agent();
    replay.setSessionToken(token);
    expect((await replay.get('/api/units/me')).status).toBe(401);
  });

  it('records successful logins with actor, IP and time', async () => {
    const unit = await registerUnit(ctx);
    await ctx.agent().login('unit', unit.creditCode, unit.password);
    const row = (await auditRows(ctx, 'auth.login'))
      .filter((r) => r.actor_account_id === unit.accountId && r.outcome === 'success')
      .at(-1);
    expect(row).toMatchObject({
      actor_role: 'unit',
      ip: '127.0.0.1',
      object_type: 'account',
      object_id: String(unit.accountId),
    });
    expect(row!.occurred_at.toISOString()).toBe(ctx.clock.now().toISOString());
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, and one with a forged token', async () => {
    const unit = await registerUnit(ctx);
    const agent = ctx.agent();
    await agent.login('unit', unit.creditCode, unit.password);
    const none = await agent.request({ method: 'POST', url: '/api/auth/logout', csrf: false });
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ code: 'CSRF_INVALID', message: '页面已过期或请求来源不可信，请刷新页面后重试' });
    const forged = await agent.request({
      method: 'POST',
      url: '/api/auth/logout',
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(forged.status).toBe(403);
    // The session survived both attempts.
    expect((await agent.get('/api/units/me')).status).toBe(200);
  });

  it('refuses a token that belongs to another browser', async () => {
    const a = ctx.agent();
    const b = ctx.agent();
    const tokenOfA = (await a.get('/api/session')).body.csrfToken;
    await b.get('/api/session');
    const res = await b.request({
      method: 'POST',
      url: '/api/sms/codes',
      csrf: false,
      headers: { 'x-csrf-token': tokenOfA },
      payload: { phone: '13900001111', purpose: 'unitRegister' },
    });
    expect(res.status).toBe(403);
  });
});
