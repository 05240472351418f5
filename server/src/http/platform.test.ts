import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase } from '../db/database';
import { createTestContext, type TestContext } from '../../../test/test-app';
import { makePhone, registerUnit } from '../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the HTTP platform', () => {
  it('answers /api/health with ok once the database answers, with a request id', async () => {
    const res = await ctx.agent().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers with a CSP that allows only our own scripts', async () => {
    const res = await ctx.agent().get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('hides the internals of a 5xx and gives the request id to quote', async () => {
    // A server whose database is unreachable, with a route that fails with a revealing message.
    const unreachable = await openDatabase({
      kind: 'postgres',
      url: 'postgres://nobody:secret@127.0.0.1:1/none',
      poolSize: 1,
    });
    const app = await buildApp({ config: ctx.config, db: unreachable.db, logger: false });
    app.get('/api/test-boom', async () => {
      throw new Error('password=secret at /srv/zhicheng/server/src/db.ts:12');
    });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ code: 'UNAVAILABLE', message: '数据库暂不可用' });
      const boom = await app.inject({ method: 'GET', url: '/api/test-boom' });
      expect(boom.statusCode).toBe(500);
      expect(boom.json()).toEqual({
        code: 'INTERNAL',
        message: '系统内部错误，请稍后重试或联系平台（请提供请求编号）',
        requestId: boom.headers['x-request-id'],
      });
      expect(boom.body).not.toContain('secret');
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await ctx.agent().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses malformed JSON and oversized bodies without a 500', async () => {
    const agent = ctx.agent();
    const bad = await agent.request({
      method: 'POST',
      url: '/api/sms/codes',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone":',
    });
    expect(bad.status).toBe(400);
    const huge = await agent.request({
      method: 'POST',
      url: '/api/sms/codes',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.agent().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units/register', '/api/sms/codes', '/api/admin/units']),
    );
    expect((await ctx.agent().get('/api/docs/')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits logins, registrations and SMS sends per client, counted in the database', async () => {
    const limited = await createTestContext({ RATE_LIMIT_LOGIN: '3', RATE_LIMIT_SMS: '2', RATE_LIMIT_REGISTER: '2' });
    try {
      const agent = limited.agent();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await agent.login('unit', 'SGSR00000000000001', 'Wrong#pass1')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const tooMany = await agent.login('unit', 'SGSR00000000000001', 'Wrong#pass1');
      expect(tooMany.body).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
      const sms: number[] = [];
      for (let i = 0; i < 3; i++)
        sms.push((await agent.requestSmsCode({ phone: makePhone(), purpose: 'unitRegister' })).status);
      expect(sms).toEqual([200, 200, 429]);
      const counters = await limited.db.selectFrom('rate_limit').select(['key', 'count']).execute();
      expect(counters.some((c) => c.key.includes('/api/auth/login') && c.count >= 4)).toBe(true);
      limited.clock.advance(61_000);
      expect((await agent.login('unit', 'SGSR00000000000001', 'Wrong#pass1')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses to change or delete a row', async () => {
    await registerUnit(ctx);
    await expect(sql`update audit_log set action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    const { n } = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(0);
  });
});
