import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  fillApplication,
  loggedInAdmin,
  loggedInApplicant,
  registerApplicant,
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';
import { createConsoleSmsProvider, type SmsProvider } from '../sms/sms.provider';
import type { NoticeEvent } from './notice-event';
import { createNotifier } from './notifier';
import { publish } from './outbox.repository';

/** The SMS gateway as the tests drive it: codes go to the console outbox, notices are recorded or fail. */
const gateway = {
  mode: 'ok' as 'ok' | 'down',
  notices: [] as string[],
  calls: 0,
  codes: undefined as SmsProvider | undefined,
};
const provider: SmsProvider = {
  name: 'test-gateway',
  sendCode: (phone, code, ttl) => gateway.codes!.sendCode(phone, code, ttl),
  async sendNotice(phone, orgName, result) {
    gateway.calls++;
    // Slow enough that two notifiers overlap.
    await new Promise((done) => setTimeout(done, 5));
    if (gateway.mode === 'down') throw new Error('gateway down');
    gateway.notices.push(`${phone}:${orgName}:${result}`);
  },
};
const quiet = { warn: () => undefined, error: () => undefined };

let ctx: TestContext;
let adminAccountId: number;
let admin: Agent;
beforeAll(async () => {
  ctx = await createTestContext({ SMS_NOTIFY: 'true', SMS_NOTICE_MAX_ATTEMPTS: '3' }, { smsProvider: provider });
  gateway.codes = createConsoleSmsProvider(ctx.db, ctx.clock, () => undefined);
  ctx.clock.set('2026-05-26T02:00:00Z');
  const signedIn = await loggedInAdmin(ctx);
  admin = signedIn.agent;
  adminAccountId = (
    await ctx.db.selectFrom('account').select('id').where('kind', '=', 'admin').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => ctx.close());

async function publishAll(events: NoticeEvent[]) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const event of events) await publish(trx, ctx.clock.now(), event);
  });
}

const decided = (applicantAccountId: number, orgName: string): NoticeEvent => ({
  type: 'application.decided',
  applicationId: 1,
  applicantAccountId,
  applicantName: '张三',
  action: 'return',
  opinion: '请修改表三',
  decider: { accountId: adminAccountId, kind: 'reviewer' },
  orgName,
  nextStep: null,
});

const inbox = (accountId: number) =>
  ctx.db.selectFrom('message').select('content').where('recipient_account_id', '=', accountId).execute();

describe('the notifier', () => {
  it('leaves a decision in 我的消息 and sends it by SMS when SMS_NOTIFY is on', async () => {
    const person = await registerApplicant(ctx);
    gateway.notices = [];
    await publishAll([decided(person.accountId, '昆明市人社局')]);
    await ctx.app.notifier.runOnce();
    expect(gateway.notices).toEqual([`${person.phone}:昆明市人社局:返回修改`]);
    expect((await inbox(person.accountId)).map((m) => m.content)).toContain(
      '您的申报被昆明市人社局返回修改，请修改申报信息后重新提交，提交后将直接回到昆明市人社局审核。审核意见：请修改表三',
    );
  });

  it('sends no SMS when switched off, or when the gateway has no notice template, but still leaves the message', async () => {
    const person = await registerApplicant(ctx);
    const codesOnly: SmsProvider = { name: 'codes-only', sendCode: async () => undefined };
    for (const [name, notifier] of [
      ['off', createNotifier(ctx.db, ctx.clock, provider, { sms: false }, quiet)],
      ['no template', createNotifier(ctx.db, ctx.clock, codesOnly, { sms: true }, quiet)],
    ] as const) {
      gateway.notices = [];
      await publishAll([decided(person.accountId, `单位（${name}）`)]);
      expect((await notifier.runOnce()).events).toBe(1);
      expect(gateway.notices).toEqual([]);
      expect((await inbox(person.accountId)).filter((m) => m.content.includes(`单位（${name}）`))).toHaveLength(1);
    }
    const deliveries = await ctx.db
      .selectFrom('notice_delivery')
      .select('id')
      .where('recipient_account_id', '=', person.accountId)
      .execute();
    expect(deliveries).toEqual([]);
  });

  it('delivers each event exactly once with two notifiers running at the same time', async () => {
    const person = await registerApplicant(ctx);
    gateway.notices = [];
    gateway.mode = 'ok';
    const events: NoticeEvent[] = [];
    for (let i = 0; i < 24; i++) {
      events.push(
        i % 2 === 0
          ? decided(person.accountId, `第${i}号审核机构`)
          : { type: 'person.passwordReset', personAccountId: person.accountId, unitName: `第${i}号单位` },
      );
    }
    await publishAll(events);
    const one = createNotifier(ctx.db, ctx.clock, provider, { sms: true, batchSize: 4 }, quiet);
    const two = createNotifier(ctx.db, ctx.clock, provider, { sms: true, batchSize: 4 }, quiet);
    const runs = await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(24);

    const messages = (await inbox(person.accountId)).map((m) => m.content).filter((m) => m.includes('号'));
    expect(messages).toHaveLength(24);
    expect(new Set(messages).size).toBe(24);
    const sms = gateway.notices.filter((n) => n.startsWith(`${person.phone}:`)).sort();
    expect(sms).toEqual(
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22].map((i) => `${person.phone}:第${i}号审核机构:返回修改`).sort(),
    );
    const left = await ctx.db.selectFrom('outbox_event').select('id').where('processed_at', 'is', null).execute();
    expect(left).toEqual([]);
  });

  it('retries a failing gateway with backoff, then records the SMS as failed; the decision stands', async () => {
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
    const world = await reviewWorld(ctx, admin);
    const choices = await archivesChoices(ctx);
    const unit = await unitWithInfo(ctx);
    const { person, agent } = await loggedInApplicant(ctx, unit.unit.unitId);
    const created = await agent.post('/api/applications', {
      kind: 'evaluation',
      batchId: world.batchId,
      titleId: choices.titleId,
      specialtyStudiedId: choices.specialtyId,
      specialtyPractisedId: choices.specialtyId,
    });
    const id = created.body.id as string;
    const version = await fillApplication(agent, id, world.year, person.name);
    const submitted = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    gateway.mode = 'down';
    gateway.calls = 0;
    const seen = (await unit.agent.get(`/api/applications/${id}`)).body;
    const decision = await unit.agent.post('/api/review/decisions', {
      items: [{ id, version: seen.version }],
      action: 'return',
      opinion: '请补充表三',
    });
    expect(decision.status).toBe(200);
    expect(gateway.calls).toBe(1);

    const delivery = () =>
      ctx.db
        .selectFrom('notice_delivery')
        .selectAll()
        .where('recipient_account_id', '=', person.accountId)
        .executeTakeFirstOrThrow();
    expect(await delivery()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway down' });
    // Not yet due: nothing is tried before the backoff has passed.
    await ctx.app.notifier.runOnce();
    expect(gateway.calls).toBe(1);
    ctx.clock.advanceMinutes(1);
    await ctx.app.notifier.runOnce();
    expect(gateway.calls).toBe(2);
    expect(await delivery()).toMatchObject({ status: 'pending', attempts: 2 });
    ctx.clock.advanceMinutes(4);
    await ctx.app.notifier.runOnce();
    expect(gateway.calls).toBe(3);
    expect(await delivery()).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway down' });
    ctx.clock.advanceMinutes(60);
    await ctx.app.notifier.runOnce();
    expect(gateway.calls).toBe(3);

    // Read from the database: the hour that passed has ended the sessions.
    const after = await ctx.db
      .selectFrom('application')
      .select(['status', 'version'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'returned', version: seen.version + 1 });
    const notices = (await inbox(person.accountId)).filter((m) => m.content.includes('返回修改'));
    expect(notices).toHaveLength(1);
    gateway.mode = 'ok';
  });
});
