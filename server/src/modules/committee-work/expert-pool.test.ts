import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertFields, loggedInExpert } from '../../../../test/committee-fixtures';
import { adminCreates, loggedInAdmin, loggedInReviewer, makePhone, registerUnit } from '../../../../test/fixtures';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';

/** 专家库: the pickers of the expert's unit, 主管部门 and 回避单位, and 修改 without retyping the phone. */
let ctx: TestContext;
let office: Agent;
let supervisorDesk: Agent;
let bureauDesk: Agent;
let unitA: Awaited<ReturnType<typeof registerUnit>>;
let unitB: Awaited<ReturnType<typeof registerUnit>>;
let supervisorId: string;
let disabledSupervisorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { agent: admin } = await loggedInAdmin(ctx);
  const committeeId = await adminCreates(admin, '/api/admin/committees', {
    name: '专家库测试评委会',
    seriesCode: 'archives',
    titleLevels: ['intermediate'],
    printFromStage: 'committeeCheck',
  });
  office = (await loggedInReviewer(ctx, admin, 'committee', committeeId)).agent;
  supervisorId = await adminCreates(admin, '/api/admin/supervisors', { name: '专家库测试档案局' });
  disabledSupervisorId = await adminCreates(admin, '/api/admin/supervisors', { name: '专家库测试停用局' });
  const disabled = await admin.request({
    method: 'PUT',
    url: `/api/admin/supervisors/${disabledSupervisorId}/disabled`,
    payload: { disabled: true },
  });
  expect(disabled.status).toBe(200);
  supervisorDesk = (await loggedInReviewer(ctx, admin, 'supervisor', supervisorId)).agent;
  const bureauId = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '专家库测试人社局',
    regionCode: '530100',
  });
  bureauDesk = (await loggedInReviewer(ctx, admin, 'hrBureau', bureauId)).agent;
  unitA = await registerUnit(ctx, { unitName: '昆明市五华区档案馆' });
  unitB = await registerUnit(ctx, { unitName: '曲靖市麒麟区档案馆' });
});
afterAll(() => ctx.close());

const search = (agent: Agent, keyword: string) =>
  agent.get(`/api/committee/unit-search?keyword=${encodeURIComponent(keyword)}`);

describe('专家库 pickers', () => {
  it('finds registered units by a part of the name, with the credit code and nothing personal', async () => {
    const found = await search(office, '五华区');
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      items: [{ id: String(unitA.unitId), name: '昆明市五华区档案馆', creditCode: unitA.creditCode }],
    });
    const both = (await search(office, '区档案馆')).body.items.map((u: { name: string }) => u.name);
    expect(both).toEqual(['昆明市五华区档案馆', '曲靖市麒麟区档案馆'].sort());
    expect((await search(office, '五')).body.message).toContain('请至少输入2个字');
  });

  it('lists the 主管部门 not disabled', async () => {
    const res = await office.get('/api/committee/supervisors');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(supervisorId);
    expect(ids).not.toContain(disabledSupervisorId);
  });

  it('refuses the pickers to a 主管部门 or 人社局 reviewer', async () => {
    for (const desk of [supervisorDesk, bureauDesk]) {
      for (const res of [await search(desk, '五华区'), await desk.get('/api/committee/supervisors')]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('专家库 with a unit, a 主管部门 and 回避单位', () => {
  const listed = async (name: string) =>
    (await office.get(`/api/committee/experts?page=1&pageSize=20&keyword=${encodeURIComponent(name)}`)).body.items[0];

  it('shows the chosen unit, 主管部门 and 回避单位 with their names', async () => {
    await loggedInExpert(ctx, office, {
      name: '选单位专家',
      unitName: '昆明市五华区档案馆',
      unitId: String(unitA.unitId),
      supervisorId,
      conflictUnitIds: [String(unitB.unitId)],
    });
    expect(await listed('选单位专家')).toMatchObject({
      unit: { id: String(unitA.unitId), name: '昆明市五华区档案馆' },
      supervisor: { id: supervisorId, name: '专家库测试档案局' },
      conflictUnits: [{ id: String(unitB.unitId), name: '曲靖市麒麟区档案馆' }],
    });
  });

  it('refuses a unit that does not exist', async () => {
    const res = await office.post('/api/committee/experts', expertFields({ unitId: '999999' }));
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('所选单位不存在，请重新选择');
    const conflict = await office.post('/api/committee/experts', expertFields({ conflictUnitIds: ['999998'] }));
    expect(conflict.body.message).toBe('所选单位不存在，请重新选择');
  });

  it('修改 keeps the phone when none is given, changes it when given; 新增 needs one', async () => {
    const { phone: _none, ...withoutPhone } = expertFields();
    expect((await office.post('/api/committee/experts', withoutPhone)).status).toBe(400);

    const expert = await loggedInExpert(ctx, office, { name: '改手机专家' });
    const { loginName: _login, phone, ...body } = expert.fields;
    const stored = async () =>
      (await ctx.db.selectFrom('account').select('phone_hash').where('id', '=', Number(expert.id)).executeTakeFirst())!
        .phone_hash;
    const before = await stored();

    const kept = await office.request({
      method: 'PUT',
      url: `/api/committee/experts/${expert.id}`,
      payload: { ...body, titleName: '副研究馆员' },
    });
    expect(kept.status).toBe(200);
    expect(await stored()).toBe(before);
    expect(await listed('改手机专家')).toMatchObject({
      titleName: '副研究馆员',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });

    const newPhone = makePhone();
    const changed = await office.request({
      method: 'PUT',
      url: `/api/committee/experts/${expert.id}`,
      payload: { ...body, phone: newPhone },
    });
    expect(changed.status).toBe(200);
    expect(await stored()).not.toBe(before);
    expect((await listed('改手机专家')).phone).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`);
  });
});
