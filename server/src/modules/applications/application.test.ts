import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  auditRows,
  exeBytes,
  fillApplication,
  loggedInAdmin,
  loggedInApplicant,
  loggedInUnit,
  multipart,
  pdfBytes,
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
let admin: Agent;
let world: Awaited<ReturnType<typeof reviewWorld>>;
let choices: Awaited<ReturnType<typeof archivesChoices>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人力资源和社会保障局', regionCode: '530102' });
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人力资源和社会保障局', regionCode: '530100' });
  world = await reviewWorld(ctx, admin);
  choices = await archivesChoices(ctx);
});
afterAll(() => ctx.close());

const evaluation = () => ({
  kind: 'evaluation',
  batchId: world.batchId,
  titleId: choices.titleId,
  specialtyStudiedId: choices.specialtyId,
  specialtyPractisedId: choices.specialtyId,
});

async function applicantWithDraft(unitId?: number) {
  const { person, agent } = await loggedInApplicant(ctx, unitId);
  const created = await agent.post('/api/applications', evaluation());
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return { person, agent, id: created.body.id as string };
}

describe('申报评审表 drafts', () => {
  it('creates a draft with its cover and empty tables, editable by its applicant', async () => {
    const { unit } = await unitWithInfo(ctx);
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    const app = (await agent.get(`/api/applications/${id}`)).body;
    expect(app).toMatchObject({
      kind: 'evaluation',
      year: 2026,
      status: 'draft',
      whereNow: '草稿，尚未提交',
      editable: { choices: true, tables: true },
      abilities: ['submit'],
    });
    expect(app.cover).toEqual({
      name: person.name,
      unitName: unit.unitName,
      supervisorName: '',
      seriesName: '档案',
      titleName: '馆员',
      specialtyName: '档案学',
      filledAt: '2026年05月26日',
    });
    expect(app.form.table1).toEqual([]);
    expect(app.specialtyPractised.pathName).toBe('管理学—图书情报与档案管理—档案学');
  });

  it('keeps every save that was answered 200 when two tables are saved at once, and audits each save', async () => {
    const { agent, id } = await applicantWithDraft();
    for (let trial = 0; trial < 20; trial++) {
      const { version } = (await agent.get(`/api/applications/${id}`)).body;
      const [summary, history] = await Promise.all([
        agent.request({
          method: 'PUT',
          url: `/api/applications/${id}/tables/table3`,
          payload: { version, data: { summary: `第 ${trial} 稿` } },
        }),
        agent.request({
          method: 'PUT',
          url: `/api/applications/${id}/tables/table1`,
          payload: {
            version,
            data: [{ start: '2012-08', end: '至今', organisation: `档案馆${trial}`, role: '馆员', witness: '' }],
          },
        }),
      ]);
      expect([summary.status, history.status].sort()).toEqual([200, 409]);
      const { form } = (await agent.get(`/api/applications/${id}`)).body;
      if (summary.status === 200) expect(form.table3.summary).toBe(`第 ${trial} 稿`);
      else expect(form.table1[0].organisation).toBe(`档案馆${trial}`);
    }
    const saves = (await auditRows(ctx, 'application.table.save')).filter((r) => r.object_id === id);
    expect(saves).toHaveLength(20);
    expect(saves[0]!.detail).toMatchObject({ table: expect.stringMatching(/^table(1|3)$/) });
  });

  it('saves one table at a time and refuses a stale version, so no typed work is silently lost', async () => {
    const { agent, id } = await applicantWithDraft();
    const v1 = (await agent.get(`/api/applications/${id}`)).body.version;
    const saved = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table3`,
      payload: { version: v1, data: { summary: '第一稿' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(v1 + 1);
    const stale = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table3`,
      payload: { version: v1, data: { summary: '另一个页面的旧稿' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('申报内容已在其他页面或由他人修改，请刷新后再操作');
    const other = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table1`,
      payload: {
        version: saved.body.version,
        data: [{ start: '2012-08', end: '至今', organisation: '档案馆', role: '馆员', witness: '' }],
      },
    });
    expect(other.status).toBe(200);
    const form = (await agent.get(`/api/applications/${id}`)).body.form;
    expect(form.table3.summary).toBe('第一稿');
    expect(form.table1).toHaveLength(1);
  });

  it('refuses malformed rows with the field named', async () => {
    const { agent, id } = await applicantWithDraft();
    const version = (await agent.get(`/api/applications/${id}`)).body.version;
    const res = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table1`,
      payload: { version, data: [{ start: '2012年8月' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].message).toBe('时间格式为 年-月，如 2014-09');
    const month13 = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table1`,
      payload: { version, data: [{ start: '2014-13', end: '至今' }] },
    });
    expect(month13.status).toBe(400);
    expect(month13.body.details.issues[0].message).toBe('月份应为01至12');
    const unknown = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table99`,
      payload: { version, data: [] },
    });
    expect(unknown.status).toBe(400);
  });

  it('accepts attachments by content and refuses a renamed .exe', async () => {
    const { agent, id } = await applicantWithDraft();
    const ok = await agent.request({
      method: 'POST',
      url: `/api/applications/${id}/attachments/hrIdCard`,
      ...multipart('身份证.pdf', pdfBytes),
    });
    expect(ok.status).toBe(201);
    const exe = await agent.request({
      method: 'POST',
      url: `/api/applications/${id}/attachments/hrIdCard`,
      ...multipart('身份证.pdf', exeBytes),
    });
    expect(exe.status).toBe(400);
    expect(exe.body.message).toBe('只能上传 PDF、JPG、PNG 格式的文件');
    const app = (await agent.get(`/api/applications/${id}`)).body;
    expect(app.attachments).toEqual([
      expect.objectContaining({ category: 'hrIdCard', originalName: '身份证.pdf', contentType: 'application/pdf' }),
    ]);
    const file = await agent.request({
      method: 'GET',
      url: `/api/applications/${id}/attachments/${app.attachments[0].id}/file`,
    });
    expect(file.status).toBe(200);
    expect(
      (await agent.request({ method: 'DELETE', url: `/api/applications/${id}/attachments/${app.attachments[0].id}` }))
        .status,
    ).toBe(200);
    expect((await agent.get(`/api/applications/${id}`)).body.attachments).toEqual([]);
  });

  it('shows an applicant only their own applications and files', async () => {
    const { agent, id } = await applicantWithDraft();
    await agent.request({
      method: 'POST',
      url: `/api/applications/${id}/attachments/hrIdCard`,
      ...multipart('身份证.pdf', pdfBytes),
    });
    const attachmentId = (await agent.get(`/api/applications/${id}`)).body.attachments[0].id;
    const { agent: other } = await loggedInApplicant(ctx);
    expect((await other.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await other.get(`/api/applications/${id}/attachments/${attachmentId}/file`)).status).toBe(404);
    expect(
      (
        await other.request({
          method: 'PUT',
          url: `/api/applications/${id}/tables/table3`,
          payload: { version: 1, data: { summary: 'x' } },
        })
      ).status,
    ).toBe(404);
    expect((await other.get('/api/applications')).body).toEqual([]);
    const { agent: unit } = await loggedInUnit(ctx);
    expect((await unit.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/applications/${id}`)).status).toBe(404);
  });
});

describe('提交前检查 and 提交', () => {
  it('lists every missing item by table and attachment category, then nothing once all is filled, and submits', async () => {
    const { unit, agent: unitAgent } = await unitWithInfo(ctx);
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    const before = (await agent.get(`/api/applications/${id}/check`)).body;
    expect(before.canSubmit).toBe(false);
    const sections = new Set(before.issues.map((i: { sectionLabel: string }) => i.sectionLabel));
    for (const label of [
      '表一：主要学习和工作经历',
      '表二：基本情况',
      '表三：专业技术工作总结',
      '表十：个人承诺书',
      '表十一：年度考核情况（近五年）',
      '附件：人社局要求附件 - 身份证',
      '附件：人社局要求附件 - 工作经历',
    ]) {
      expect(sections).toContain(label);
    }
    expect(before.issues).toContainEqual({
      section: 'table11',
      sectionLabel: '表十一：年度考核情况（近五年）',
      message: '请填写 2021、2022、2023、2024、2025 年度的考核结果',
    });

    const version = await fillApplication(agent, id, 2026, person.name);
    const after = (await agent.get(`/api/applications/${id}/check`)).body;
    expect(after).toEqual({ issues: [], blockers: [], canSubmit: true });

    const submitted = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'inReview',
      stage: 'unitReview',
      whereNow: `单位审核中（${unit.unitName}）`,
      editable: { choices: false, tables: false },
      abilities: [],
    });

    const log = await ctx.db.selectFrom('review_log').selectAll().where('application_id', '=', Number(id)).execute();
    expect(log).toEqual([
      expect.objectContaining({ seq: 1, action: 'submit', actor_name: person.name, org_name: unit.unitName }),
    ]);
    const stored = await ctx.db
      .selectFrom('application')
      .select(['route', 'cover'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(stored.route!.map((s) => `${s.stage}:${s.orgName}`)).toEqual([
      `unitReview:${unit.unitName}`,
      'countyBureauReview:五华区人力资源和社会保障局',
      'cityBureauReview:昆明市人力资源和社会保障局',
      expect.stringMatching(/^committeeCheck:档案系列评委会/),
    ]);
    const unitView = await unitAgent.get(`/api/applications/${id}`);
    expect(unitView.status).toBe(200);
    expect((await auditRows(ctx, 'application.submit')).some((r) => r.object_id === id)).toBe(true);
    const inbox = (await agent.get('/api/messages/inbox')).body.items.map((m: { content: string }) => m.content);
    expect(inbox).toContain(`您的申报已提交，当前在单位审核（${unit.unitName}）。`);

    const edit = await agent.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table3`,
      payload: { version: submitted.body.version, data: { summary: '改' } },
    });
    expect(edit.status).toBe(422);
    expect(edit.body.message).toBe('申报已提交，需要当前审核部门【返回修改】后方可修改');
  });

  it('stops a submission whose unit information is incomplete, and leaves the draft as it was', async () => {
    const { unit } = await loggedInUnit(ctx);
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    const version = await fillApplication(agent, id, 2026, person.name);
    const check = (await agent.get(`/api/applications/${id}/check`)).body;
    expect(check.issues).toEqual([]);
    expect(check.blockers.map((b: { message: string }) => b.message)).toEqual([
      '单位信息不完整，请联系单位完善',
      '查找人社局失败',
    ]);
    const res = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('单位信息不完整，请联系单位完善');
    const row = await ctx.db
      .selectFrom('application')
      .select(['status', 'version', 'route'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', version, route: null });
    expect(
      await ctx.db.selectFrom('review_log').select('id').where('application_id', '=', Number(id)).execute(),
    ).toEqual([]);
  });

  it('stops a submission while the unit’s supervisor has not approved it (主管单位审核未通过)', async () => {
    const supervisor = await adminCreates(admin, '/api/admin/supervisors', { name: `待审主管部门${Date.now()}` });
    const { unit, agent: unitAgent } = await unitWithInfo(ctx);
    await unitAgent.post('/api/units/me/supervisors', { supervisorId: supervisor });
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    const version = await fillApplication(agent, id, 2026, person.name);
    const res = await agent.post(`/api/applications/${id}/submit`, { version });
    expect(res.body.message).toBe('主管单位审核未通过');
  });

  it('stops a person without a unit, and a second application for the same series and level this year', async () => {
    const lonely = await applicantWithDraft();
    const check = (await lonely.agent.get(`/api/applications/${lonely.id}/check`)).body;
    expect(check.blockers).toContainEqual({ code: 'NO_UNIT', message: '请先在【个人信息】中选择工作单位' });

    const { unit } = await unitWithInfo(ctx);
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    // Two drafts may stand side by side; the first submitted bars the other at 提交.
    const second = await agent.post('/api/applications', evaluation());
    expect(second.status).toBe(201);
    const version = await fillApplication(agent, id, 2026, person.name);
    expect((await agent.post(`/api/applications/${id}/submit`, { version })).status).toBe(200);
    const v2 = await fillApplication(agent, second.body.id, 2026, person.name);
    const inReview = '您2026年度已申报馆员（档案系列中级），正在审核中，不能重复申报该系列该级别的职称';
    expect((await agent.get(`/api/applications/${second.body.id}/check`)).body.blockers).toContainEqual({
      code: 'ALREADY_APPLIED',
      message: inReview,
    });
    const res = await agent.post(`/api/applications/${second.body.id}/submit`, { version: v2 });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(inReview);
    // A third is refused already at 新建申报, by the same rule.
    const third = await agent.post('/api/applications', evaluation());
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'RULE_VIOLATED', message: inReview, details: { applicationId: id } });
  });

  it('refuses a submission after the batch has closed', async () => {
    const { unit } = await unitWithInfo(ctx);
    const { person, agent, id } = await applicantWithDraft(unit.unitId);
    const version = await fillApplication(agent, id, 2026, person.name);
    ctx.clock.advance(21 * 24 * 3600_000);
    try {
      const fresh = await loggedInApplicantAgain(person.idNumber, person.password);
      const res = await fresh.post(`/api/applications/${id}/submit`, { version });
      expect(res.status).toBe(422);
      expect(res.body.message).toBe('该评委会网报时间已截止，不能提交');
    } finally {
      ctx.clock.set('2026-05-26T02:00:00Z');
    }
  });

  it('refuses a draft for a committee that is not open, or for a level the committee does not decide', async () => {
    const { agent } = await loggedInApplicant(ctx);
    const juniorOnly = await adminCreates(admin, '/api/admin/committees', {
      name: `初级评委会${Date.now()}`,
      seriesCode: 'archives',
      titleLevels: ['junior'],
      printFromStage: 'committeeCheck',
    });
    const batch = await adminCreates(admin, `/api/admin/committees/${juniorOnly}/batches`, {
      year: 2026,
      opensAt: '2026-05-01T00:00:00+08:00',
      closesAt: '2026-07-01T00:00:00+08:00',
    });
    const res = await agent.post('/api/applications', { ...evaluation(), batchId: batch });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('该评委会不评审所选职称等级');
  });
});

async function loggedInApplicantAgain(idNumber: string, password: string) {
  const agent = ctx.agent();
  await agent.login('applicant', idNumber, password);
  return agent;
}
