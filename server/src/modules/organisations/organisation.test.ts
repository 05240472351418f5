import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  auditRows,
  goodPassword,
  lastSmsCode,
  loggedInAdmin,
  loggedInReviewer,
  loggedInUnit,
  makePhone,
  otherPassword,
  registerUnit,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
let admin: Agent;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-25T02:00:00Z'); // 10:00 in Beijing
  admin = (await loggedInAdmin(ctx)).agent;
});
afterAll(() => ctx.close());

const committee = (name: string) => ({
  name,
  seriesCode: 'archives',
  titleLevels: ['intermediate', 'associateSenior'],
  printFromStage: 'committeeCheck',
  notice: '具体申报通知请到省档案局官网下载',
});

describe('reviewer organisations (platform admin)', () => {
  it('creates supervising departments, county/city/province HR bureaus and a committee with its batch', async () => {
    await adminCreates(admin, '/api/admin/supervisors', { name: '云南省档案局' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '官渡区人力资源和社会保障局', regionCode: '530111' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人力资源和社会保障局', regionCode: '530100' });
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '云南省人力资源和社会保障厅', regionCode: '530000' });
    const bureaus = (await admin.get('/api/admin/hr-bureaus')).body;
    expect(bureaus.map((b: { name: string; level: string }) => [b.name, b.level])).toEqual([
      ['云南省人力资源和社会保障厅', 'province'],
      ['昆明市人力资源和社会保障局', 'city'],
      ['官渡区人力资源和社会保障局', 'county'],
    ]);
    const id = await adminCreates(admin, '/api/admin/committees', committee('云南省档案系列高级职称评审委员会'));
    const batch = await admin.post(`/api/admin/committees/${id}/batches`, {
      year: 2026,
      opensAt: '2026-05-25T09:00:00+08:00',
      closesAt: '2026-06-13T24:00:00+08:00',
    });
    expect(batch.status).toBe(400); // 24:00 is not a time of day: the admin gives 2026-06-14T00:00
    const ok = await admin.post(`/api/admin/committees/${id}/batches`, {
      year: 2026,
      opensAt: '2026-05-25T09:00:00+08:00',
      closesAt: '2026-06-14T00:00:00+08:00',
    });
    expect(ok.status).toBe(201);
    const listed = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === id);
    expect(listed).toMatchObject({
      seriesName: '档案',
      titleLevels: ['intermediate', 'associateSenior'],
      printFromStage: 'committeeCheck',
      pdfWithAttachments: false,
    });
    // The committee asks for the attachments bound after the form when it prints.
    const asked = await admin.request({
      method: 'PUT',
      url: `/api/admin/committees/${id}`,
      payload: { ...committee('云南省档案系列高级职称评审委员会'), pdfWithAttachments: true },
    });
    expect(asked.status).toBe(200);
    const changed = (await admin.get('/api/admin/committees')).body.find((c: { id: string }) => c.id === id);
    expect(changed.pdfWithAttachments).toBe(true);
    expect((await auditRows(ctx, 'committee.update')).at(-1)?.detail).toMatchObject({ pdfWithAttachments: true });
    expect(listed.batches).toEqual([
      {
        id: ok.body.id,
        year: 2026,
        opensAt: '2026-05-25T01:00:00.000Z',
        closesAt: '2026-06-13T16:00:00.000Z',
        correctionClosesAt: null,
        notice: '',
        open: true,
        disabled: false,
      },
    ]);
    expect((await auditRows(ctx, 'batch.create')).length).toBe(1);
  });

  it('refuses duplicates, a bureau in an unknown region and a batch that closes before it opens', async () => {
    await adminCreates(admin, '/api/admin/supervisors', { name: '重复的主管部门' });
    const dup = await admin.post('/api/admin/supervisors', { name: '重复的主管部门' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('已有同名的主管部门');
    await adminCreates(admin, '/api/admin/hr-bureaus', { name: '西山区人社局', regionCode: '530112' });
    expect(
      (await admin.post('/api/admin/hr-bureaus', { name: '另一个西山区人社局', regionCode: '530112' })).body.message,
    ).toBe('云南省 昆明市 西山区 已有人社局');
    expect(
      (await admin.post('/api/admin/hr-bureaus', { name: '不存在的人社局', regionCode: '999999' })).body.message,
    ).toBe('行政区域不存在，请重新选择');
    const id = await adminCreates(admin, '/api/admin/committees', committee('时间测试评委会'));
    const backwards = await admin.post(`/api/admin/committees/${id}/batches`, {
      year: 2026,
      opensAt: '2026-06-01T00:00:00+08:00',
      closesAt: '2026-05-01T00:00:00+08:00',
    });
    expect(backwards.body.message).toBe('网报截止时间：网报截止时间必须晚于开始时间');
  });

  it('is for the platform admin only', async () => {
    const { agent: unit } = await loggedInUnit(ctx);
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '权限测试主管部门' });
    const { agent: reviewer } = await loggedInReviewer(ctx, admin, 'supervisor', supervisor);
    for (const agent of [unit, reviewer]) {
      expect((await agent.post('/api/admin/supervisors', { name: '越权创建' })).status).toBe(403);
      expect((await agent.get('/api/admin/committees')).status).toBe(403);
      expect(
        (
          await agent.post('/api/admin/reviewers', {
            orgKind: 'supervisor',
            orgId: supervisor,
            username: 'sneaky1',
            displayName: '越权',
          })
        ).status,
      ).toBe(403);
    }
    expect((await ctx.agent().get('/api/admin/hr-bureaus')).status).toBe(401);
    const names = (await admin.get('/api/admin/supervisors')).body.map((s: { name: string }) => s.name);
    expect(names).not.toContain('越权创建');
  });
});

describe('审核用户 accounts', () => {
  it('get a one-time password that must be changed at first login', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '首登测试主管部门' });
    const created = await admin.post('/api/admin/reviewers', {
      orgKind: 'supervisor',
      orgId: supervisor,
      username: 'first.login',
      displayName: '李审核',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'first.login', orgName: '首登测试主管部门', locked: false });
    const agent = ctx.agent();
    const login = await agent.login('reviewer', 'first.login', created.body.temporaryPassword);
    expect(login.body.mustChangePassword).toBe(true);
    const blocked = await agent.get('/api/reviewer/me');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改临时密码后再继续操作' });
    await agent.post('/api/account/password', {
      oldPassword: created.body.temporaryPassword,
      newPassword: goodPassword,
      confirmNewPassword: goodPassword,
      captchaId: await agent.captcha(),
      captchaCode: 'test',
    });
    expect((await agent.get('/api/reviewer/me')).body).toEqual({
      orgKind: 'supervisor',
      orgId: supervisor,
      orgName: '首登测试主管部门',
    });
    const rows = await auditRows(ctx, 'reviewer.create');
    expect(JSON.stringify(rows)).not.toContain(created.body.temporaryPassword);
  });

  it('refuses a user name already taken and an organisation that does not exist', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '重名测试主管部门' });
    await admin.post('/api/admin/reviewers', {
      orgKind: 'supervisor',
      orgId: supervisor,
      username: 'same.name',
      displayName: '甲',
    });
    expect(
      (
        await admin.post('/api/admin/reviewers', {
          orgKind: 'supervisor',
          orgId: supervisor,
          username: 'same.name',
          displayName: '乙',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin.post('/api/admin/reviewers', {
          orgKind: 'committee',
          orgId: '99999',
          username: 'nobody.org',
          displayName: '丙',
        })
      ).status,
    ).toBe(404);
  });

  it('can be given a new one-time password by the admin', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: '重置密码主管部门' });
    const { agent, username, accountId } = await loggedInReviewer(ctx, admin, 'supervisor', supervisor);
    const reset = await admin.post(`/api/admin/reviewers/${accountId}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await agent.get('/api/reviewer/me')).status).toBe(401);
    expect((await ctx.agent().login('reviewer', username, goodPassword)).status).toBe(401);
    expect((await ctx.agent().login('reviewer', username, reset.body.temporaryPassword)).body.mustChangePassword).toBe(
      true,
    );
  });
});

describe('开评评委会 (manual §2.1)', () => {
  it('lists committees whose batch is open now, searchable by keyword', async () => {
    const open = await adminCreates(admin, '/api/admin/committees', committee('云南省档案系列中级职称评审委员会'));
    await admin.post(`/api/admin/committees/${open}/batches`, {
      year: 2026,
      opensAt: '2026-05-25T09:00:00+08:00',
      closesAt: '2026-06-14T00:00:00+08:00',
      notice: '网报时间：5月25日9:00-6月13日24:00',
    });
    const later = await adminCreates(admin, '/api/admin/committees', committee('明年才开的评委会'));
    await admin.post(`/api/admin/committees/${later}/batches`, {
      year: 2027,
      opensAt: '2027-05-01T09:00:00+08:00',
      closesAt: '2027-06-01T00:00:00+08:00',
    });
    const { agent: unit } = await loggedInUnit(ctx);

    const all = (await unit.get('/api/committees/open')).body.map((c: { committeeName: string }) => c.committeeName);
    expect(all).toContain('云南省档案系列中级职称评审委员会');
    expect(all).not.toContain('明年才开的评委会');
    const found = (await unit.get(`/api/committees/open?keyword=${encodeURIComponent('中级')}`)).body;
    expect(found).toEqual([
      expect.objectContaining({
        committeeName: '云南省档案系列中级职称评审委员会',
        seriesName: '档案',
        year: 2026,
        notice: '网报时间：5月25日9:00-6月13日24:00',
      }),
    ]);
    expect((await unit.get(`/api/committees/open?keyword=${encodeURIComponent('不存在')}`)).body).toEqual([]);

    expect((await ctx.agent().get('/api/committees/open')).status).toBe(401);

    ctx.clock.set('2026-06-13T15:57:00Z'); // 6月13日 23:57 in Beijing (23:58 after registering): still open
    try {
      const { agent: lastMinute } = await loggedInUnit(ctx);
      expect((await lastMinute.get(`/api/committees/open?keyword=${encodeURIComponent('中级')}`)).body).toHaveLength(1);
      ctx.clock.set('2026-06-13T16:00:00Z'); // 6月14日 0:00 in Beijing: closed
      expect((await lastMinute.get(`/api/committees/open?keyword=${encodeURIComponent('中级')}`)).body).toEqual([]);
    } finally {
      ctx.clock.set('2026-05-25T02:00:00Z');
    }
  });
});

describe('单位管理: a unit that lost both password and phone (manual §1.3, §7.3)', () => {
  it('gets a new phone from the admin with the reason recorded, then recovers its password with it', async () => {
    const unit = await registerUnit(ctx);
    const detail = await admin.get(`/api/admin/units/${unit.unitId}`);
    expect(detail.body).toMatchObject({ unitName: unit.unitName, creditCode: unit.creditCode, locked: false });
    const newPhone = makePhone();
    const tooShort = await admin.post(`/api/admin/units/${unit.unitId}/phone`, { newPhone, reason: '已核' });
    expect(tooShort.status).toBe(400);
    const res = await admin.post(`/api/admin/units/${unit.unitId}/phone`, {
      newPhone,
      reason: '已核验营业执照及加盖公章的说明（邮件 2026-05-25）',
    });
    expect(res.status).toBe(200);
    const row = (await auditRows(ctx, 'account.phone.setByPlatform')).find(
      (r) => r.object_id === String(unit.accountId),
    );
    expect(row?.detail).toMatchObject({
      reason: '已核验营业执照及加盖公章的说明（邮件 2026-05-25）',
      to: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`,
    });

    const agent = ctx.agent();
    await agent.requestSmsCode({ phone: newPhone, purpose: 'resetPassword' });
    const reset = await agent.post('/api/auth/password-reset', {
      kind: 'unit',
      phone: newPhone,
      smsCode: await lastSmsCode(ctx, newPhone),
      password: otherPassword,
      confirmPassword: otherPassword,
    });
    expect(reset.status).toBe(200);
    expect((await ctx.agent().login('unit', unit.creditCode, otherPassword)).status).toBe(200);
  });

  it('shows the unit’s licence (组织机构代码证或营业执照) to check before setting a new phone', async () => {
    const { unit } = await unitWithInfo(ctx);
    const detail = (await admin.get(`/api/admin/units/${unit.unitId}`)).body;
    expect(detail).toMatchObject({
      licenseFileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      licenseFileName: '营业执照.pdf',
    });
    const file = await admin.get(`/api/files/${detail.licenseFileId}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');

    const bare = await registerUnit(ctx);
    expect((await admin.get(`/api/admin/units/${bare.unitId}`)).body).toMatchObject({
      licenseFileId: null,
      licenseFileName: null,
    });
  });

  it('is refused to a unit, and answers 404 for a unit that does not exist', async () => {
    const { agent: unit } = await loggedInUnit(ctx);
    const other = await registerUnit(ctx);
    expect((await unit.get(`/api/admin/units/${other.unitId}`)).status).toBe(403);
    expect(
      (await unit.post(`/api/admin/units/${other.unitId}/phone`, { newPhone: makePhone(), reason: '越权修改手机号' }))
        .status,
    ).toBe(403);
    expect((await admin.get('/api/admin/units/999999')).status).toBe(404);
  });
});
