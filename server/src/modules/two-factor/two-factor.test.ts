import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../../clock';
import { loadConfig, ConfigError } from '../../config';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  auditRows,
  goodPassword,
  loggedInAdmin,
  loggedInReviewer,
  loggedInUnit,
} from '../../../../test/fixtures';

/** The code an authenticator app shows at the clock's time, `steps` 30-second steps away. */
const codeAt = (secret: string, clock: FakeClock, steps = 0) =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + steps * 30 });

/** The next 30-second step: a code of the step just used would be a replay. */
const nextStep = (clock: FakeClock) => clock.advance(30_000);

/** Turns 两步验证 on for the signed-in agent: its secret and its recovery codes. */
async function enrol(ctx: TestContext, agent: Agent) {
  const setup = await agent.post('/api/account/two-factor/setup');
  expect(setup.status).toBe(200);
  const confirmed = await agent.post('/api/account/two-factor/confirm', {
    code: await codeAt(setup.body.secret, ctx.clock),
  });
  expect(confirmed.status).toBe(200);
  nextStep(ctx.clock);
  return { secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

/** A reviewer with 两步验证 on, signed out: their login name and secret. */
async function enrolledReviewer(ctx: TestContext, admin: Agent) {
  const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: `两步验证主管部门${Math.random()}` });
  const reviewer = await loggedInReviewer(ctx, admin, 'supervisor', supervisor);
  const enrolled = await enrol(ctx, reviewer.agent);
  return { ...reviewer, ...enrolled };
}

/** The password step on a fresh browser: its challenge id. */
async function passwordStep(ctx: TestContext, username: string): Promise<{ agent: Agent; challengeId: string }> {
  const agent = ctx.agent();
  const res = await agent.login('reviewer', username, goodPassword);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ twoFactorRequired: true });
  return { agent, challengeId: res.body.challengeId as string };
}

const secondStep = (agent: Agent, challengeId: string, code: string) =>
  agent.post('/api/auth/two-factor', { challengeId, code });

describe('两步验证', () => {
  let ctx: TestContext;
  let admin: Agent;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = (await loggedInAdmin(ctx)).agent;
  });
  afterAll(() => ctx.close());

  it('enrols: a QR code of the secret, confirmed with a current code, then ten recovery codes shown once', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '开启两步验证主管部门' });
    const { agent, username, accountId } = await loggedInReviewer(ctx, admin, 'supervisor', supervisor);
    expect((await agent.get('/api/account/two-factor')).body).toEqual({
      enabled: false,
      required: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });

    const setup = await agent.post('/api/account/two-factor/setup');
    expect(setup.status).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUri, qrDataUrl } = setup.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe(`//totp/职称申报管理系统:${username}`.replace('//totp', ''));
    expect(uri.searchParams.get('issuer')).toBe('职称申报管理系统');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    // Not on until confirmed: the login still asks for the password only.
    expect((await ctx.agent().login('reviewer', username, goodPassword)).body).toMatchObject({ kind: 'reviewer' });
    const wrong = await agent.post('/api/account/two-factor/confirm', { code: '000000' });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'RULE_VIOLATED' } });
    expect((await agent.get('/api/account/two-factor')).body.enabled).toBe(false);

    const confirmed = await agent.post('/api/account/two-factor/confirm', { code: await codeAt(secret, ctx.clock) });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await agent.get('/api/account/two-factor')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // The secret is kept sealed, never as the authenticator app got it.
    const kept = await ctx.db.selectFrom('two_factor').select('secret').execute();
    expect(kept.length).toBeGreaterThan(0);
    for (const row of kept) expect(row.secret).not.toContain(secret);
    for (const row of kept) expect(row.secret).toMatch(/^v1:/);

    // Only salted hashes of the recovery codes are kept.
    const stored = await ctx.db.selectFrom('recovery_code').selectAll().where('account_id', '=', accountId).execute();
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
    // Once on, a new secret is refused until it is turned off.
    expect((await agent.post('/api/account/two-factor/setup')).status).toBe(422);
    const audit = (await auditRows(ctx, 'account.twoFactor.enable')).filter((r) => r.object_id === String(accountId));
    expect(audit.map((r) => r.outcome)).toEqual(['failure', 'success']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    nextStep(ctx.clock);
  });

  it('logs in in two steps: no session after the password, the session after the code', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const { agent, challengeId } = await passwordStep(ctx, reviewer.username);
    expect(agent.sessionToken).toBeUndefined();
    expect((await agent.get('/api/reviewer/me')).status).toBe(401);

    const done = await secondStep(agent, challengeId, await codeAt(reviewer.secret, ctx.clock));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'reviewer', loginName: reviewer.username, mustEnrolTwoFactor: false });
    expect((await agent.get('/api/reviewer/me')).status).toBe(200);
    const rows = (await auditRows(ctx, 'auth.login')).filter((r) => r.object_id === String(reviewer.accountId));
    expect(rows.at(-1)!.detail).toEqual({ secondFactor: 'totp' });
    // The challenge served once.
    expect((await secondStep(ctx.agent(), challengeId, await codeAt(reviewer.secret, ctx.clock, 1))).body.code).toBe(
      'LOGIN_STEP_EXPIRED',
    );
  });

  it('accepts the code of one step before or after, not two', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    ctx.clock.advance(5 * 30_000);
    let step = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock, -2))).status).toBe(
      401,
    );
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock, -1))).status).toBe(
      200,
    );
    step = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock, 2))).status).toBe(
      401,
    );
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock, 1))).status).toBe(
      200,
    );
  });

  it('refuses a code used once already (replay), and counts it', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const code = await codeAt(reviewer.secret, ctx.clock);
    const first = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(first.agent, first.challengeId, code)).status).toBe(200);

    const again = await passwordStep(ctx, reviewer.username);
    const replay = await secondStep(again.agent, again.challengeId, code);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'CREDENTIALS_INVALID', message: '验证码错误，再输错 4 次账号将被锁定' });
    // An earlier step than the one used is no better.
    const earlier = await secondStep(again.agent, again.challengeId, await codeAt(reviewer.secret, ctx.clock, -1));
    expect(earlier.status).toBe(401);
    nextStep(ctx.clock);
    expect((await secondStep(again.agent, again.challengeId, await codeAt(reviewer.secret, ctx.clock))).status).toBe(
      200,
    );
  });

  it('counts wrong codes like wrong passwords: the fifth wrong try locks, a new password step does not start over', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    expect((await ctx.agent().login('reviewer', reviewer.username, 'Wrong#pass1')).status).toBe(401);
    let step = await passwordStep(ctx, reviewer.username);
    for (const left of [3, 2]) {
      const res = await secondStep(step.agent, step.challengeId, '123456');
      expect(res.body.message).toBe(`验证码错误，再输错 ${left} 次账号将被锁定`);
    }
    step = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(step.agent, step.challengeId, 'ABCD-EFGH-JKMN')).body.message).toBe(
      '验证码错误，再输错 1 次账号将被锁定',
    );
    const fifth = await secondStep(step.agent, step.challengeId, '654321');
    expect(fifth.status).toBe(423);
    expect(fifth.body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(fifth.body.message).toMatch(/^密码连续输错 5 次，账号已锁定/);
    // The right code no longer opens it, nor does the password.
    const right = await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock));
    expect(right.status).toBe(423);
    expect((await ctx.agent().login('reviewer', reviewer.username, goodPassword)).status).toBe(423);
    const failures = (await auditRows(ctx, 'auth.twoFactor')).filter(
      (r) => r.object_id === String(reviewer.accountId) && r.outcome === 'failure',
    );
    expect(failures.map((r) => r.detail.reason)).toEqual([
      'wrongCode',
      'wrongCode',
      'wrongCode',
      'wrongCode',
      'locked',
    ]);
    expect((await auditRows(ctx, 'account.lock')).some((r) => r.object_id === String(reviewer.accountId))).toBe(true);
    // The platform unlocks; a good login ends the run.
    expect((await admin.post(`/api/admin/accounts/${reviewer.accountId}/unlock`)).status).toBe(200);
    step = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock))).status).toBe(200);
  });

  it('takes a recovery code once, as typed from paper (small letters, no dashes)', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const recovery = reviewer.recoveryCodes[3]!;
    const typed = recovery.replace(/-/g, '').toLowerCase();
    const first = await passwordStep(ctx, reviewer.username);
    const done = await secondStep(first.agent, first.challengeId, typed);
    expect(done.status).toBe(200);
    expect((await first.agent.get('/api/account/two-factor')).body.recoveryCodesLeft).toBe(9);
    const success = (await auditRows(ctx, 'auth.twoFactor')).filter(
      (r) => r.object_id === String(reviewer.accountId) && r.outcome === 'success',
    );
    expect(success.at(-1)!.detail).toEqual({
      method: 'recoveryCode',
      recoveryCodesLeft: 9,
    });

    const second = await passwordStep(ctx, reviewer.username);
    const spent = await secondStep(second.agent, second.challengeId, recovery);
    expect(spent).toMatchObject({ status: 401, body: { code: 'CREDENTIALS_INVALID' } });
    expect((await secondStep(second.agent, second.challengeId, reviewer.recoveryCodes[4]!)).status).toBe(200);
  });

  it("does not take one account's code on another account's challenge", async () => {
    const one = await enrolledReviewer(ctx, admin);
    const other = await enrolledReviewer(ctx, admin);
    const step = await passwordStep(ctx, other.username);
    const res = await secondStep(step.agent, step.challengeId, await codeAt(one.secret, ctx.clock));
    expect(res.status).toBe(401);
    expect((await secondStep(step.agent, step.challengeId, one.recoveryCodes[0]!)).status).toBe(401);
  });

  it('lets the challenge lapse after 5 minutes', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const step = await passwordStep(ctx, reviewer.username);
    ctx.clock.advance(5 * 60_000 + 1000);
    const late = await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock));
    expect(late).toMatchObject({
      status: 401,
      body: { code: 'LOGIN_STEP_EXPIRED', message: '登录验证已过期，请重新输入密码登录' },
    });
    expect((await secondStep(ctx.agent(), 'made-up', '123456')).body.code).toBe('LOGIN_STEP_EXPIRED');
  });

  it('turns off with the password and a current code, each counted when wrong', async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const { agent } = reviewer;
    const code = await codeAt(reviewer.secret, ctx.clock);
    const wrongPassword = await agent.post('/api/account/two-factor/disable', { password: 'Not-it#2026', code });
    expect(wrongPassword.body).toMatchObject({
      code: 'CREDENTIALS_INVALID',
      message: '登录密码不正确，再输错 4 次账号将被锁定',
    });
    const wrongCode = await agent.post('/api/account/two-factor/disable', { password: goodPassword, code: '000000' });
    expect(wrongCode.body.message).toBe('验证码错误，再输错 3 次账号将被锁定');
    expect((await agent.post('/api/account/two-factor/disable', { password: goodPassword, code })).status).toBe(200);
    expect((await agent.get('/api/account/two-factor')).body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await ctx.db.selectFrom('recovery_code').where('account_id', '=', reviewer.accountId).execute()).toEqual([]);
    const login = await ctx.agent().login('reviewer', reviewer.username, goodPassword);
    expect(login.body).toMatchObject({ kind: 'reviewer' });
    const audit = (await auditRows(ctx, 'account.twoFactor.disable')).filter(
      (r) => r.object_id === String(reviewer.accountId),
    );
    expect(audit.map((r) => r.outcome)).toEqual(['failure', 'failure', 'success']);
  });

  it("lets the platform reset a reviewer's second factor (audited): the reviewer's sessions end, the password alone opens", async () => {
    const reviewer = await enrolledReviewer(ctx, admin);
    const step = await passwordStep(ctx, reviewer.username);
    expect((await secondStep(step.agent, step.challengeId, await codeAt(reviewer.secret, ctx.clock))).status).toBe(200);
    const reset = await admin.post(`/api/admin/reviewers/${reviewer.accountId}/reset-two-factor`);
    expect(reset.status).toBe(200);
    expect((await step.agent.get('/api/reviewer/me')).status).toBe(401);
    const audit = (await auditRows(ctx, 'account.twoFactor.reset')).filter(
      (r) => r.object_id === String(reviewer.accountId),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_role: 'admin', outcome: 'success' });
    expect((await ctx.agent().login('reviewer', reviewer.username, goodPassword)).body).toMatchObject({
      kind: 'reviewer',
    });
    // Nothing left to reset.
    expect((await admin.post(`/api/admin/reviewers/${reviewer.accountId}/reset-two-factor`)).status).toBe(422);
  });

  it('refuses the reset for an account that is not a reviewer, and to anyone but the platform', async () => {
    const unit = await loggedInUnit(ctx);
    const other = await loggedInAdmin(ctx);
    const adminId = (await ctx.db
      .selectFrom('account')
      .select('id')
      .where('login_name', '=', other.username)
      .executeTakeFirstOrThrow())!.id;
    for (const id of [unit.unit.accountId, adminId, 999999]) {
      expect((await admin.post(`/api/admin/reviewers/${id}/reset-two-factor`)).status).toBe(404);
    }
    const reviewer = await enrolledReviewer(ctx, admin);
    const colleague = await enrolledReviewer(ctx, admin);
    const step = await passwordStep(ctx, colleague.username);
    await secondStep(step.agent, step.challengeId, await codeAt(colleague.secret, ctx.clock));
    expect((await step.agent.post(`/api/admin/reviewers/${reviewer.accountId}/reset-two-factor`)).status).toBe(403);
    // Units and applicants have no second factor to set.
    expect((await unit.agent.post('/api/account/two-factor/setup')).status).toBe(403);
  });
});

describe('TWO_FACTOR_REQUIRED', () => {
  let ctx: TestContext;
  let admin: Agent;
  beforeAll(async () => {
    ctx = await createTestContext({ TWO_FACTOR_REQUIRED: 'reviewer' });
    admin = (await loggedInAdmin(ctx)).agent;
  });
  afterAll(() => ctx.close());

  it('lets a reviewer without a second factor reach only 两步验证 until it is on', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '必须两步验证主管部门' });
    const reviewer = await loggedInReviewer(ctx, admin, 'supervisor', supervisor);
    const { agent } = reviewer;
    expect((await agent.get('/api/session')).body.account).toMatchObject({ mustEnrolTwoFactor: true });
    const blocked = await agent.get('/api/reviewer/me');
    expect(blocked).toMatchObject({ status: 403, body: { code: 'TWO_FACTOR_REQUIRED' } });
    expect((await agent.get('/api/messages/unread-count')).status).toBe(403);
    expect((await agent.get('/api/account/two-factor')).body).toMatchObject({ required: true, enabled: false });
    const relogin = await ctx.agent().login('reviewer', reviewer.username, goodPassword);
    expect(relogin.body).toMatchObject({ kind: 'reviewer', mustEnrolTwoFactor: true });

    const { secret } = await enrol(ctx, agent);
    expect((await agent.get('/api/reviewer/me')).status).toBe(200);
    expect((await agent.get('/api/session')).body.account).toMatchObject({ mustEnrolTwoFactor: false });
    // Turned off again: blocked again.
    const off = await agent.post('/api/account/two-factor/disable', {
      password: goodPassword,
      code: await codeAt(secret, ctx.clock),
    });
    expect(off.status).toBe(200);
    expect((await agent.get('/api/reviewer/me')).body.code).toBe('TWO_FACTOR_REQUIRED');
  });

  it('leaves the kinds it does not name alone', async () => {
    expect((await admin.get('/api/admin/reviewers')).status).toBe(200);
    expect((await admin.get('/api/session')).body.account).toMatchObject({ mustEnrolTwoFactor: false });
  });

  it('defaults to the admin in production and to nobody elsewhere, and takes only admin and reviewer', () => {
    const production = {
      NODE_ENV: 'production',
      SMS_PROVIDER: 'tencent',
      TENCENT_SMS_SECRET_ID: 'id',
      TENCENT_SMS_SECRET_KEY: 'key',
      TENCENT_SMS_SDK_APP_ID: 'app',
      TENCENT_SMS_SIGN_NAME: 'sign',
      TENCENT_SMS_TEMPLATE_ID: 'tpl',
      AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
      FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      FIELD_HASH_KEY: randomBytes(32).toString('base64'),
    };
    expect(loadConfig(production).twoFactorRequired).toEqual(['admin']);
    expect(loadConfig({ ...production, TWO_FACTOR_REQUIRED: '' }).twoFactorRequired).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }).twoFactorRequired).toEqual([]);
    expect(loadConfig({ TWO_FACTOR_REQUIRED: 'admin, reviewer' }).twoFactorRequired).toEqual(['admin', 'reviewer']);
    expect(() => loadConfig({ TWO_FACTOR_REQUIRED: 'unit' })).toThrow(ConfigError);
  });
});
