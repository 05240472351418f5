import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import { loggedInApplicant } from '../../../../test/fixtures';
import { publish } from '../notifications/outbox.repository';

let ctx: TestContext;
let agent: Agent;
let otherAgent: Agent;

beforeAll(async () => {
  ctx = await createTestContext();
  const person = await loggedInApplicant(ctx);
  agent = person.agent;
  otherAgent = (await loggedInApplicant(ctx)).agent;
  // 24 notices a minute apart, then the welcome message the registration left: 25 in all.
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 1; i <= 24; i++) {
      ctx.clock.advanceMinutes(1);
      await publish(trx, ctx.clock.now(), {
        type: 'person.passwordReset',
        personAccountId: person.person.accountId,
        unitName: `第${i}号单位`,
      });
    }
  });
  await ctx.app.notifier.runOnce();
});
afterAll(() => ctx.close());

const contents = (body: { items: { content: string }[] }) => body.items.map((m) => m.content);

describe('我的消息 paged by key', () => {
  it('reads page after page from nextCursor, the same rows as by page number, and ends with no cursor', async () => {
    const byNumber = [];
    for (let page = 1; page <= 3; page++) {
      byNumber.push((await agent.get(`/api/messages/inbox?page=${page}&pageSize=10`)).body);
    }
    expect(byNumber.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(byNumber[0].total).toBe(25);
    expect(contents(byNumber[0])[0]).toContain('第24号单位');

    const byKey = [byNumber[0]];
    while (byKey.at(-1).nextCursor) {
      const next = await agent.get(`/api/messages/inbox?pageSize=10&after=${byKey.at(-1).nextCursor}`);
      expect(next.status).toBe(200);
      byKey.push(next.body);
    }
    expect(byKey.map(contents)).toEqual(byNumber.map(contents));
    expect(byKey.at(-1).nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one it gave, with a message a clerk can act on', async () => {
    const res = await agent.get('/api/messages/inbox?after=not-a-cursor');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('分页参数有误，请回到第一页重新查询');
  });

  it('shows nobody else’s messages, whatever the cursor', async () => {
    const first = (await agent.get('/api/messages/inbox?pageSize=10')).body;
    const other = (await otherAgent.get(`/api/messages/inbox?pageSize=10&after=${first.nextCursor}`)).body;
    expect(contents(other).some((c) => c.includes('号单位'))).toBe(false);
  });
});
