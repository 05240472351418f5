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
