import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import { adminCreates, auditRows, loggedInAdmin, loggedInReviewer, unitWithInfo } from '../../../../test/fixtures';

let ctx: TestContext;
let admin: Agent;
let supervisorA: string;
let supervisorB: string;
let reviewerA: Agent;
let reviewerB: Agent;
let bureauReviewer: Agent;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = (await loggedInAdmin(ctx)).agent;
  supervisorA = await adminCreates(admin, '/api/admin/supervisors', { name: '昆明市档案局' });
  supervisorB = await adminCreates(admin, '/api/admin/supervisors', { name: '五华区文化和旅游局' });
  const bureau = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '五华区人力资源和社会保障局',
    regionCode: '530102',
  });
  reviewerA = (await loggedInReviewer(ctx, admin, 'supervisor', supervisorA)).agent;
  reviewerB = (await loggedInReviewer(ctx, admin, 'supervisor', supervisorB)).agent;
  bureauReviewer = (await loggedInReviewer(ctx, admin, 'hrBureau', bureau)).agent;
});
afterAll(() => ctx.close());

const requestsOf = async (reviewer: Agent, unitName: string) =>
  ((await reviewer.get(`/api/reviewer/unit-requests?keyword=${encodeURIComponent(unitName)}`)).body.items ?? []) as {
    id: string;
    status: string;
    unitName: string;
  }[];

describe('选择或变更主管单位 (manual §2.3)', () => {
  it('keeps the unit’s people from submitting until the chosen department approves', async () => {
    const { unit, agent } = await unitWithInfo(ctx);
    expect((await agent.get('/api/units/me/readiness')).body.canSubmit).toBe(true);

    const found = (await agent.get(`/api/supervisors?keyword=${encodeURIComponent('档案局')}`)).body;
    expect(found.map((s: { name: string }) => s.name)).toEqual(['昆明市档案局']);
    expect((await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA })).status).toBe(201);
    const list = (await agent.get('/api/units/me/supervisors')).body;
    expect(list).toEqual([
      expect.objectContaining({ supervisorName: '昆明市档案局', isDefault: true, status: 'pending' }),
    ]);
    const blocked = (await agent.get('/api/units/me/readiness')).body;
    expect(blocked.blockers).toEqual([{ code: 'SUPERVISOR_NOT_APPROVED', message: '主管单位审核未通过' }]);

    const desk = await requestsOf(reviewerA, unit.unitName);
    expect(desk).toHaveLength(1);
    expect(desk[0]).toMatchObject({ unitName: unit.unitName, status: 'pending' });
    expect(
      (await reviewerA.post(`/api/reviewer/unit-requests/${desk[0]!.id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);

    expect((await agent.get('/api/units/me/readiness')).body.canSubmit).toBe(true);
    expect((await agent.get('/api/units/me/supervisors')).body[0].status).toBe('approved');
    const messages = await ctx.db
      .selectFrom('message')
      .selectAll()
      .where('recipient_account_id', '=', unit.accountId)
      .execute();
    expect(messages.map((m) => m.content)).toEqual(['主管部门【昆明市档案局】已审核通过贵单位的主管单位申请。']);
    expect((await auditRows(ctx, 'unitSupervisor.approve')).some((r) => r.object_id === desk[0]!.id)).toBe(true);
  });

  it('tells the unit why it was refused; the opinion is required, and a decided request cannot be decided again', async () => {
    const { unit, agent } = await unitWithInfo(ctx);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA });
    const [request] = await requestsOf(reviewerA, unit.unitName);
    const noOpinion = await reviewerA.post(`/api/reviewer/unit-requests/${request!.id}/decision`, {
      decision: 'reject',
    });
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body.message).toBe('审核意见：审核不通过时请填写审核意见');
    expect(
      (
        await reviewerA.post(`/api/reviewer/unit-requests/${request!.id}/decision`, {
          decision: 'reject',
          opinion: '本单位不归我局主管',
        })
      ).status,
    ).toBe(200);
    const again = await reviewerA.post(`/api/reviewer/unit-requests/${request!.id}/decision`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该申请已处理（审核不通过），请刷新列表');
    const message = await ctx.db
      .selectFrom('message')
      .select('content')
      .where('recipient_account_id', '=', unit.accountId)
      .executeTakeFirstOrThrow();
    expect(message.content).toContain('审核意见：本单位不归我局主管');
    expect((await agent.get('/api/units/me/readiness')).body.canSubmit).toBe(false);
  });

  it('names the department, not the reviewer, as the sender of its decision in the unit’s 我的消息', async () => {
    const { unit, agent } = await unitWithInfo(ctx);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA });
    const [request] = await requestsOf(reviewerA, unit.unitName);
    await reviewerA.post(`/api/reviewer/unit-requests/${request!.id}/decision`, { decision: 'approve' });
    const inbox = (await agent.get('/api/messages/inbox')).body.items as { senderName: string; senderKind: string }[];
    expect(inbox).toEqual([expect.objectContaining({ senderName: '昆明市档案局', senderKind: 'reviewer' })]);
  });

  it('shows a department only the requests addressed to it; others get 404, other reviewers 403', async () => {
    const { unit, agent } = await unitWithInfo(ctx);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA });
    const [request] = await requestsOf(reviewerA, unit.unitName);
    expect(await requestsOf(reviewerB, unit.unitName)).toEqual([]);
    const byB = await reviewerB.post(`/api/reviewer/unit-requests/${request!.id}/decision`, { decision: 'approve' });
    expect(byB.status).toBe(404);
    expect((await bureauReviewer.get('/api/reviewer/unit-requests')).status).toBe(403);
    expect(
      (await agent.post(`/api/reviewer/unit-requests/${request!.id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    expect(
      (await admin.post(`/api/reviewer/unit-requests/${request!.id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    expect((await agent.get('/api/units/me/supervisors')).body[0].status).toBe('pending');
  });

  it('lets a unit change its default, and makes the oldest remaining one default when the default is removed', async () => {
    const { agent } = await unitWithInfo(ctx);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA });
    ctx.clock.advance(1000);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorB });
    let list = (await agent.get('/api/units/me/supervisors')).body;
    expect(list.map((r: { supervisorName: string; isDefault: boolean }) => [r.supervisorName, r.isDefault])).toEqual([
      ['昆明市档案局', true],
      ['五华区文化和旅游局', false],
    ]);
    expect((await agent.post(`/api/units/me/supervisors/${list[1].id}/default`)).status).toBe(200);
    list = (await agent.get('/api/units/me/supervisors')).body;
    expect(list.map((r: { isDefault: boolean }) => r.isDefault)).toEqual([false, true]);
    const removed = await agent.request({ method: 'DELETE', url: `/api/units/me/supervisors/${list[1].id}` });
    expect(removed.body).toEqual({ ok: true, promotedId: list[0].id });
    list = (await agent.get('/api/units/me/supervisors')).body;
    expect(list).toEqual([expect.objectContaining({ supervisorName: '昆明市档案局', isDefault: true })]);
    expect((await agent.post('/api/units/me/supervisors', { supervisorId: supervisorA })).status).toBe(409);
  });

  it('does not let one unit touch another unit’s choices', async () => {
    const a = await unitWithInfo(ctx);
    const b = await unitWithInfo(ctx);
    await a.agent.post('/api/units/me/supervisors', { supervisorId: supervisorA });
    const [row] = (await a.agent.get('/api/units/me/supervisors')).body;
    expect((await b.agent.request({ method: 'DELETE', url: `/api/units/me/supervisors/${row.id}` })).status).toBe(404);
    expect((await b.agent.post(`/api/units/me/supervisors/${row.id}/default`)).status).toBe(404);
    expect((await a.agent.get('/api/units/me/supervisors')).body).toHaveLength(1);
  });

  it('tells the department’s reviewers that a unit asked for it', async () => {
    const { unit, agent } = await unitWithInfo(ctx);
    await agent.post('/api/units/me/supervisors', { supervisorId: supervisorB });
    const reviewers = await ctx.db
      .selectFrom('reviewer')
      .select('account_id')
      .where('supervisor_id', '=', Number(supervisorB))
      .execute();
    const messages = await ctx.db
      .selectFrom('message')
      .select('content')
      .where(
        'recipient_account_id',
        'in',
        reviewers.map((r) => r.account_id),
      )
      .execute();
    expect(messages.map((m) => m.content)).toContain(
      `${unit.unitName} 申请将贵部门设为主管部门，请在【主管单位审核】中审核。`,
    );
  });
});
