import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const busyAnswer = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => ({
  status: res.statusCode,
  retryAfter: res.headers['retry-after'],
  body: res.json(),
});

function expectBusy(res: Awaited<ReturnType<TestContext['app']['inject']>>, retryAfter: string) {
  expect(busyAnswer(res)).toEqual({
    status: 503,
    retryAfter,
    body: { code: 'UNAVAILABLE', message: '系统繁忙，请稍后再试', requestId: res.headers['x-request-id'] },
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('load shedding', () => {
  it('answers 503 系统繁忙 with Retry-After at once while too many requests wait for a database connection', async () => {
    let waiting = 0;
    ctx = await createTestContext(
      { LOAD_MAX_DATABASE_WAITING: '10', LOAD_RETRY_AFTER_SECONDS: '7' },
      { databaseWaiting: () => waiting },
    );
    const { app } = ctx;
    const page = () => app.inject({ method: 'GET', url: '/api/applications' });
    const login = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });

    expect((await page()).statusCode).toBe(401);
    waiting = 11;
    expectBusy(await page(), '7');
    // Refused before the CSRF check and the session: nothing of the request was started.
    expectBusy(await login(), '7');
    // The load balancer's check still says whether the database answers.
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect({ status: health.statusCode, body: health.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    waiting = 10;
    expect((await page()).statusCode).toBe(401);
  });

  it('answers 503 with Retry-After in the second after the event loop was busy for most of a second', async () => {
    ctx = await createTestContext({ LOAD_MAX_EVENT_LOOP_UTILIZATION: '0.5', LOAD_RETRY_AFTER_SECONDS: '3' });
    const { app } = ctx;
    // Building the app kept the loop busy too: wait for a quiet second first.
    for (let tries = 0; app.isUnderPressure() && tries < 50; tries++) await sleep(100);
    expect((await app.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);

    // 1.5 s of synchronous work: whatever the phase of the 1 s sample, the loop was busy ≥ 60 % of it.
    const until = Date.now() + 1500;
    while (Date.now() < until) Math.sqrt(Math.random());
    await sleep(20); // the overdue sample runs first
    expect(app.isUnderPressure()).toBe(true);
    expectBusy(await app.inject({ method: 'GET', url: '/api/session' }), '3');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
