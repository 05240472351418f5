import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  auditRows,
  fillApplication,
  loggedInAdmin,
  loggedInApplicant,
  loggedInReviewer,
  loggedInUnit,
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
let admin: Agent;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
});
afterAll(() => ctx.close());

const put = (agent: Agent, url: string, payload: object) => agent.request({ method: 'PUT', url, payload });
const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });
const disable = (agent: Agent, url: string, disabled = true) => put(agent, `${url}/disabled`, { disabled });

async function supervisorNamed(name: string) {
  const rows = (await admin.get(`/api/admin/supervisors?keyword=${encodeURIComponent(name)}`)).body;
  return rows.find((s: { name: string }) => s.name === name);
}

describe('主管部门: 删除 when unused, 停用/启用 when used', () => {
  it('deletes a department no unit has chosen, with its audit row', async () => {
    const id = await adminCreates(admin, '/api/admin/supervisors', { name: '无人选择的主管部门' });
    expect(await supervisorNamed('无人选择的主管部门')).toMatchObject({ id, disabled: false });
    const res = await del(admin, `/api/admin/supervisors/${id}`);
    expect(res.status).toBe(200);
    expect(await supervisorNamed('无人选择的主管部门')).toBeUndefined();
    expect((await auditRows(ctx, 'supervisor.delete')).map((r) => r.object_id)).toContain(id);
    expect((await del(admin, `/api/admin/supervisors/${id}`)).status).toBe(404);
  });

  it('refuses deleting one a unit chose; disabled, units no longer find or choose it, the choice stands', async () => {
    const id = await adminCreates(admin, '/api/admin/supervisors', { name: '已被选择的主管部门' });
    const { agent: chooser } = await unitWithInfo(ctx);
    expect((await chooser.post('/api/units/me/supervisors', { supervisorId: id })).status).toBe(201);

    const refused = await del(admin, `/api/admin/supervisors/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该主管部门已有1个单位选择，不能删除，可以停用');

    expect((await disable(admin, `/api/admin/supervisors/${id}`)).status).toBe(200);
    expect(await supervisorNamed('已被选择的主管部门')).toMatchObject({ id, disabled: true });
    expect((await auditRows(ctx, 'supervisor.disable')).map((r) => r.object_id)).toContain(id);

    const { agent: other } = await unitWithInfo(ctx);
    const search = (await other.get(`/api/supervisors?keyword=${encodeURIComponent('已被选择')}`)).body;
    expect(search).toEqual([]);
    const chose = await other.post('/api/units/me/supervisors', { supervisorId: id });
    expect(chose.status).toBe(422);
    expect(chose.body.message).toBe('该主管部门已停用，请选择其他主管部门');
    expect((await chooser.get('/api/units/me/supervisors')).body).toEqual([
      expect.objectContaining({ supervisorName: '已被选择的主管部门' }),
    ]);

    expect((await disable(admin, `/api/admin/supervisors/${id}`, false)).status).toBe(200);
    expect((await auditRows(ctx, 'supervisor.enable')).map((r) => r.object_id)).toContain(id);
    const again = (await other.get(`/api/supervisors?keyword=${encodeURIComponent('已被选择')}`)).body;
    expect(again.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await other.post('/api/units/me/supervisors', { supervisorId: id })).status).toBe(201);
  });

  it('refuses deleting one that has 审核用户', async () => {
    const id = await adminCreates(admin, '/api/admin/supervisors', { name: '有审核用户的主管部门' });
    await loggedInReviewer(ctx, admin, 'supervisor', id);
    const refused = await del(admin, `/api/admin/supervisors/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该主管部门已有1个审核用户，不能删除，可以停用');
  });
});

describe('人社局 and 评委会批次: 删除 when unused, 停用/启用 when used', () => {
  let world: Awaited<ReturnType<typeof reviewWorld>>;
  let choices: Awaited<ReturnType<typeof archivesChoices>>;
  let county: string;
  let city: string;
  beforeAll(async () => {
    county = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
    city = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
    world = await reviewWorld(ctx, admin);
    choices = await archivesChoices(ctx);
  });
  const evaluation = (batchId: string) => ({
    kind: 'evaluation',
    batchId,
    titleId: choices.titleId,
    specialtyStudiedId: choices.specialtyId,
    specialtyPractisedId: choices.specialtyId,
  });

  it('a disabled bureau is not found for a new submission (查找人社局失败); its reviewers keep their desk', async () => {
    const { unit, agent: unitAgent } = await unitWithInfo(ctx);
    const { person, agent } = await loggedInApplicant(ctx, unit.unitId);
    const id = (await agent.post('/api/applications', evaluation(world.batchId))).body.id as string;
    const version = await fillApplication(agent, id, 2026, person.name);
    const { agent: reviewer } = await loggedInReviewer(ctx, admin, 'hrBureau', county);

    expect((await disable(admin, `/api/admin/hr-bureaus/${county}`)).status).toBe(200);
    const listed = (await admin.get('/api/admin/hr-bureaus')).body.find((b: { id: string }) => b.id === county);
    expect(listed).toMatchObject({ name: '五华区人社局', disabled: true });
    const readiness = (await unitAgent.get('/api/units/me/readiness')).body;
    expect(readiness.blockers.map((b: { code: string }) => b.code)).toContain('HR_BUREAU_NOT_FOUND');
    const refused = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^查找人社局失败/);
    expect((await reviewer.get('/api/review/desk')).status).toBe(200);

    expect((await disable(admin, `/api/admin/hr-bureaus/${county}`, false)).status).toBe(200);
    expect((await auditRows(ctx, 'hrBureau.enable')).map((r) => r.object_id)).toContain(county);
    expect((await agent.post(`/api/applications/${id}/submit`, { version })).status).toBe(200);

    // The city bureau has no reviewer, but the submitted application's route goes through it.
    const used = await del(admin, `/api/admin/hr-bureaus/${city}`);
    expect(used.status).toBe(409);
    expect(used.body.message).toBe('该人社局已有1份申报的审核流程经过它，不能删除，可以停用');
    const withReviewer = await del(admin, `/api/admin/hr-bureaus/${county}`);
    expect(withReviewer.body.message).toBe('该人社局已有1个审核用户，不能删除，可以停用');
  });

  it('deletes a bureau nothing refers to, though units of its region would find it', async () => {
    const id = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '盘龙区人社局', regionCode: '530103' });
    await unitWithInfo(ctx, { regionCode: '530103' });
    expect((await del(admin, `/api/admin/hr-bureaus/${id}`)).status).toBe(200);
    expect((await admin.get('/api/admin/hr-bureaus')).body.map((b: { id: string }) => b.id)).not.toContain(id);
    expect((await auditRows(ctx, 'hrBureau.delete')).map((r) => r.object_id)).toContain(id);
  });

  it('a batch with applications is disabled instead: no longer 开评评委会, new applications cannot choose it', async () => {
    const { committeeId, batchId } = await reviewWorld(ctx, admin);
    const { agent } = await loggedInApplicant(ctx);
    expect((await agent.post('/api/applications', evaluation(batchId))).status).toBe(201);
    const batchUrl = `/api/admin/committees/${committeeId}/batches/${batchId}`;

    const refused = await del(admin, batchUrl);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该批次已有1份申报，不能删除，可以停用');

    expect((await disable(admin, batchUrl)).status).toBe(200);
    const committee = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === committeeId);
    expect(committee.batches).toEqual([expect.objectContaining({ id: batchId, disabled: true, open: false })]);
    const open = (await agent.get('/api/committees/open')).body.map((c: { batchId: string }) => c.batchId);
    expect(open).not.toContain(batchId);
    expect(open).toContain(world.batchId);
    const chose = await agent.post('/api/applications', evaluation(batchId));
    expect(chose.status).toBe(422);
    expect(chose.body.message).toBe('该评委会批次已停用，请选择正在开评的评委会');
    expect((await auditRows(ctx, 'batch.disable')).map((r) => r.object_id)).toContain(batchId);

    expect((await disable(admin, batchUrl, false)).status).toBe(200);
    expect((await agent.get('/api/committees/open')).body.map((c: { batchId: string }) => c.batchId)).toContain(
      batchId,
    );
  });

  it('deletes a batch without applications; another committee’s batch id is not found', async () => {
    const { committeeId, batchId } = await reviewWorld(ctx, admin);
    const other = await reviewWorld(ctx, admin);
    expect((await del(admin, `/api/admin/committees/${other.committeeId}/batches/${batchId}`)).status).toBe(404);
    expect((await del(admin, `/api/admin/committees/${committeeId}/batches/${batchId}`)).status).toBe(200);
    const committee = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === committeeId);
    expect(committee.batches).toEqual([]);
    expect((await auditRows(ctx, 'batch.delete')).map((r) => r.object_id)).toContain(batchId);
  });

  it('is for the platform admin only', async () => {
    const id = await adminCreates(admin, '/api/admin/supervisors', { name: '越权停用的主管部门' });
    const { agent: unit } = await loggedInUnit(ctx);
    const { agent: reviewer } = await loggedInReviewer(ctx, admin, 'supervisor', id);
    for (const agent of [unit, reviewer]) {
      expect((await disable(agent, `/api/admin/supervisors/${id}`)).status).toBe(403);
      expect((await del(agent, `/api/admin/hr-bureaus/${city}`)).status).toBe(403);
      expect((await disable(agent, `/api/admin/committees/${world.committeeId}/batches/${world.batchId}`)).status).toBe(
        403,
      );
    }
    expect((await supervisorNamed('越权停用的主管部门')).disabled).toBe(false);
  });
});
