import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import {
  auditRows,
  goodPassword,
  loggedInAdmin,
  loggedInApplicant,
  loggedInUnit,
  makeIdNumber,
  registerApplicant,
} from '../../../../test/fixtures';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-25T02:00:00Z');
});
afterAll(() => ctx.close());

async function lockApplicant(idNumber: string) {
  for (let i = 0; i < 5; i++) await ctx.agent().login('applicant', idNumber, 'Wrong#pass1');
}

describe('专业技术人员 (manual §3.1)', () => {
  it('lists the people who chose the unit, masked, with age, searchable by name', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const { person } = await loggedInApplicant(ctx, unit.unitId);
    await loggedInApplicant(ctx, unit.unitId);
    const page = (await agent.get('/api/units/me/people')).body;
    expect(page.total).toBe(2);
    const row = page.items.find((p: { name: string }) => p.name === person.name);
    expect(row).toEqual({
      accountId: String(person.accountId),
      name: person.name,
      gender: 'male',
      idNumberMasked: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
      unitName: unit.unitName,
      age: 36,
      phoneMasked: `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`,
      locked: false,
    });
    expect(JSON.stringify(page)).not.toContain(person.idNumber);
    expect(JSON.stringify(page)).not.toContain(person.phone);
    const found = (await agent.get(`/api/units/me/people?keyword=${encodeURIComponent(person.name)}`)).body;
    expect(found.items.map((p: { name: string }) => p.name)).toEqual([person.name]);
    const paged = (await agent.get('/api/units/me/people?pageSize=1&page=2')).body;
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
  });

  it('shows a unit only its own people; another unit’s person cannot be messaged, reset, removed or unlocked', async () => {
    const a = await loggedInUnit(ctx);
    const b = await loggedInUnit(ctx);
    const { person } = await loggedInApplicant(ctx, a.unit.unitId);
    expect((await b.agent.get('/api/units/me/people')).body.total).toBe(0);
    for (const action of ['message', 'reset-password', 'remove', 'unlock']) {
      const res = await b.agent.post(
        `/api/units/me/people/${person.accountId}/${action}`,
        action === 'message' ? { content: '你好' } : {},
      );
      expect(res.status).toBe(404);
    }
    expect((await a.agent.get('/api/units/me/people')).body.total).toBe(1);
    const { agent: applicant } = await loggedInApplicant(ctx);
    expect((await applicant.get('/api/units/me/people')).status).toBe(403);
  });

  it('sends a message that arrives unread and becomes read; the unit sees it in 已发消息', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const { person, agent: applicant } = await loggedInApplicant(ctx, unit.unitId);
    expect(
      (await agent.post(`/api/units/me/people/${person.accountId}/message`, { content: '请于6月10日前提交材料' }))
        .status,
    ).toBe(200);
    const inbox = (await applicant.get('/api/messages/inbox')).body;
    const message = inbox.items.find((m: { content: string }) => m.content === '请于6月10日前提交材料');
    expect(message).toMatchObject({ senderName: unit.unitName, senderKind: 'unit', read: false });
    expect((await applicant.get('/api/messages/unread-count')).body.unread).toBe(inbox.unread);
    expect((await applicant.post(`/api/messages/${message.id}/read`)).status).toBe(200);
    expect((await applicant.get('/api/messages/unread-count')).body.unread).toBe(inbox.unread - 1);
    const sent = (await agent.get('/api/messages/sent')).body;
    expect(sent.items[0]).toMatchObject({
      recipientName: person.name,
      senderName: unit.unitName,
      senderKind: 'unit',
      content: '请于6月10日前提交材料',
      read: true,
    });
    expect((await agent.post(`/api/messages/${message.id}/read`)).status).toBe(404);
  });

  it('resets a password to a one-time one that must be changed at the next login', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const { person, agent: applicantSession } = await loggedInApplicant(ctx, unit.unitId);
    const reset = await agent.post(`/api/units/me/people/${person.accountId}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.temporaryPassword).not.toBe('123456');
    expect((await applicantSession.get('/api/applicants/me')).status).toBe(401);
    expect((await ctx.agent().login('applicant', person.idNumber, goodPassword)).status).toBe(401);
    const fresh = ctx.agent();
    expect(
      (await fresh.login('applicant', person.idNumber, reset.body.temporaryPassword)).body.mustChangePassword,
    ).toBe(true);
    expect((await fresh.get('/api/applicants/me')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const rows = (await auditRows(ctx, 'account.password.resetByUnit')).filter(
      (r) => r.object_id === String(person.accountId),
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(reset.body.temporaryPassword);
  });

  it('removes a person from the unit: gone from the list, the account stays', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const { person, agent: applicant } = await loggedInApplicant(ctx, unit.unitId);
    expect((await agent.post(`/api/units/me/people/${person.accountId}/remove`)).status).toBe(200);
    expect((await agent.get('/api/units/me/people')).body.total).toBe(0);
    expect((await applicant.get('/api/applicants/me')).body.unit).toBeNull();
  });
});

describe('个人账号锁定 (FAQ §7.1)', () => {
  it('tells a locked person with a unit to ask the unit, and lets the unit unlock them', async () => {
    const { unit, agent } = await loggedInUnit(ctx);
    const { person } = await loggedInApplicant(ctx, unit.unitId);
    await lockApplicant(person.idNumber);
    const refused = await ctx.agent().login('applicant', person.idNumber, person.password);
    expect(refused.body).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '账号已锁定，请 15 分钟后再试，或联系单位进行解锁（未选择单位的请联系平台）',
    });
    const row = (await agent.get('/api/units/me/people')).body.items.find(
      (p: { accountId: string }) => p.accountId === String(person.accountId),
    );
    expect(row.locked).toBe(true);
    expect((await agent.post(`/api/units/me/people/${person.accountId}/unlock`)).status).toBe(200);
    expect((await ctx.agent().login('applicant', person.idNumber, person.password)).status).toBe(200);
    const unlocks = (await auditRows(ctx, 'account.unlock')).filter((r) => r.object_id === String(person.accountId));
    expect(unlocks[0]).toMatchObject({ actor_role: 'unit' });
  });

  it('sends a locked person without a unit to the platform, which unlocks them', async () => {
    const person = await registerApplicant(ctx, { idNumber: makeIdNumber('19850615', 'female') });
    await lockApplicant(person.idNumber);
    const refused = await ctx.agent().login('applicant', person.idNumber, person.password);
    // The same words as for a person with a unit: a stranger must not learn whether the ID number has one.
    expect(refused.body.message).toBe('账号已锁定，请 15 分钟后再试，或联系单位进行解锁（未选择单位的请联系平台）');
    const { agent: admin } = await loggedInAdmin(ctx);
    expect((await admin.post(`/api/admin/accounts/${person.accountId}/unlock`)).status).toBe(200);
    expect((await ctx.agent().login('applicant', person.idNumber, person.password)).status).toBe(200);
  });
});
