import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';

describe('图片验证码', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ RATE_LIMIT_CAPTCHA: '3' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('is limited per client per minute, so one client cannot fill the database with captchas', async () => {
    const agent = ctx.agent();
    for (let i = 0; i < 3; i++) expect((await agent.get('/api/captcha')).status).toBe(200);
    const refused = await agent.get('/api/captcha');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    const rows = await ctx.db
      .selectFrom('captcha')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(3);
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ RATE_LIMIT_CAPTCHA: '2', TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('counts a client by the address the proxy saw, not by what the client wrote into X-Forwarded-For', async () => {
    const agent = ctx.agent();
    const from = (spoofed: string) =>
      agent.request({ method: 'GET', url: '/api/captcha', headers: { 'x-forwarded-for': `${spoofed}, 10.0.0.7` } });
    expect((await from('1.1.1.1')).status).toBe(200);
    expect((await from('2.2.2.2')).status).toBe(200);
    expect((await from('3.3.3.3')).status).toBe(429);
    // Another client behind the same proxy has its own count.
    const other = await agent.request({
      method: 'GET',
      url: '/api/captcha',
      headers: { 'x-forwarded-for': '10.0.0.8' },
    });
    expect(other.status).toBe(200);
  });
});
