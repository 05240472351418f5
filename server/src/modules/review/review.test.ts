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
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
let admin: Agent;
let world: Awaited<ReturnType<typeof reviewWorld>>;
let choices: Awaited<ReturnType<typeof archivesChoices>>;
const desks: Record<string, Agent> = {};
let supervisorId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  admin = (await loggedInAdmin(ctx)).agent;
  supervisorId = await adminCreates(admin, '/api/admin/supervisors', { name: '五华区工商业联合会' });
  const county = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  const otherCounty = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '盘龙区人社局',
    regionCode: '530103',
  });
  const city = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  const province = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '云南省人社厅', regionCode: '530000' });
  world = await reviewWorld(ctx, admin);
  choices = await archivesChoices(ctx);
  desks.supervisor = (await loggedInReviewer(ctx, admin, 'supervisor', supervisorId)).agent;
  desks.county = (await loggedInReviewer(ctx, admin, 'hrBureau', county)).agent;
  desks.otherCounty = (await loggedInReviewer(ctx, admin, 'hrBureau', otherCounty)).agent;
  desks.city = (await loggedInReviewer(ctx, admin, 'hrBureau', city)).agent;
  desks.province = (await loggedInReviewer(ctx, admin, 'hrBureau', province)).agent;
  desks.committee = (await loggedInReviewer(ctx, admin, 'committee', world.committeeId)).agent;
});
afterAll(() => ctx.close());

/** A unit (with its supervisor approved when asked) and a submitted application of one of its people. */
async function submitted(info: Record<string, string> = {}, withSupervisor = false) {
  const unit = await unitWithInfo(ctx, info);
  if (withSupervisor) {
    await unit.agent.post('/api/units/me/supervisors', { supervisorId });
    const request = (
      await desks.supervisor!.get(`/api/reviewer/unit-requests?keyword=${encodeURIComponent(unit.unit.unitName)}`)
    ).body.items[0];
    await desks.supervisor!.post(`/api/reviewer/unit-requests/${request.id}/decision`, { decision: 'approve' });
  }
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
  const res = await agent.post(`/api/applications/${id}/submit`, { version });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return { unit, person, applicant: agent, id };
}

const versionOf = async (agent: Agent, id: string) =>
  (await agent.get(`/api/applications/${id}`)).body.version as number;

async function decide(agent: Agent, id: string, action: string, opinion = '') {
  return agent.post('/api/review/decisions', { items: [{ id, version: await versionOf(agent, id) }], action, opinion });
}

async function saveOpinion(
  unitAgent: Agent,
  id: string,
  opinion = '该同志政治素质好，业务能力强，经公示无异议，同意推荐。',
) {
  const current = (await unitAgent.get(`/api/review/applications/${id}/unit-opinion`)).body;
  return unitAgent.request({
    method: 'PUT',
    url: `/api/review/applications/${id}/unit-opinion`,
    payload: { version: current.version, unitOpinion: opinion },
  });
}

const stageOf = async (agent: Agent, id: string) =>
  (await agent.get(`/api/applications/${id}`)).body as { status: string; stage: string | null; whereNow: string };

describe('the route of a 县区级 非公经济组织 with a supervisor, through every stage', () => {
  it('goes unit → supervisor → county → city → committee, with a 返回修改 at the city and a 重置流程 at the unit', async () => {
    const { unit, applicant, id } = await submitted(
      { nature: 'nonPublic', level: 'county', regionCode: '530102' },
      true,
    );
    const u = unit.agent;
    expect((await u.get('/api/review/desk')).body.items.map((r: { id: string }) => r.id)).toContain(id);

    // 重置流程 at the unit: back to a draft; the applicant changes the specialty and submits again.
    expect((await decide(u, id, 'reset', '请更换从事专业')).status).toBe(200);
    const reset = await stageOf(applicant, id);
    expect(reset).toMatchObject({ status: 'draft', whereNow: '已重置流程，待申报人修改后重新提交' });
    const other = await ctx.db
      .selectFrom('specialty')
      .select('id')
      .where('path_name', '=', '管理学—图书情报与档案管理—信息资源管理')
      .executeTakeFirstOrThrow();
    const app = (await applicant.get(`/api/applications/${id}`)).body;
    expect(app.editable).toEqual({ choices: true, tables: true });
    const changed = await applicant.request({
      method: 'PUT',
      url: `/api/applications/${id}/choices`,
      payload: {
        version: app.version,
        kind: 'evaluation',
        batchId: world.batchId,
        titleId: choices.titleId,
        specialtyStudiedId: choices.specialtyId,
        specialtyPractisedId: String(other.id),
      },
    });
    expect(changed.status).toBe(200);
    expect((await applicant.post(`/api/applications/${id}/submit`, { version: changed.body.version })).status).toBe(
      200,
    );
    expect((await applicant.get(`/api/applications/${id}`)).body.cover.specialtyName).toBe('信息资源管理');

    // The unit must save 表十二 before 通过.
    const noOpinion = await decide(u, id, 'approve');
    expect(noOpinion.status).toBe(422);
    expect(noOpinion.body.message).toBe('请先填写并保存基层意见（表十二）');
    expect((await saveOpinion(u, id)).status).toBe(200);
    expect((await decide(u, id, 'approve', '同意推荐')).status).toBe(200);
    expect(await stageOf(applicant, id)).toMatchObject({
      stage: 'supervisorReview',
      whereNow: '主管部门审核中（五华区工商业联合会）',
    });

    expect((await decide(desks.supervisor!, id, 'approve')).status).toBe(200);
    expect((await decide(desks.county!, id, 'approve')).status).toBe(200);
    expect((await stageOf(applicant, id)).stage).toBe('cityBureauReview');

    // 返回修改 at the city: the applicant changes a table (not the cover) and lands back at the city.
    expect((await decide(desks.city!, id, 'return', '请补充近五年年度考核登记表')).status).toBe(200);
    const returned = (await applicant.get(`/api/applications/${id}`)).body;
    expect(returned).toMatchObject({
      status: 'returned',
      editable: { choices: false, tables: true },
      abilities: ['submit'],
    });
    expect(returned.whereNow).toBe('已被昆明市人社局返回修改，修改后提交将直接回到州市人社局审核');
    const coverChange = await applicant.request({
      method: 'PUT',
      url: `/api/applications/${id}/choices`,
      payload: {
        version: returned.version,
        kind: 'evaluation',
        batchId: world.batchId,
        titleId: choices.titleId,
        specialtyStudiedId: choices.specialtyId,
        specialtyPractisedId: choices.specialtyId,
      },
    });
    expect(coverChange.status).toBe(422);
    const edited = await applicant.request({
      method: 'PUT',
      url: `/api/applications/${id}/tables/table3`,
      payload: { version: returned.version, data: { summary: returned.form.table3.summary + '补充说明。' } },
    });
    expect(edited.status).toBe(200);
    expect((await applicant.post(`/api/applications/${id}/submit`, { version: edited.body.version })).status).toBe(200);
    expect((await stageOf(applicant, id)).stage).toBe('cityBureauReview');
    expect((await u.get('/api/review/desk')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);

    expect((await decide(desks.city!, id, 'approve')).status).toBe(200);
    expect(await stageOf(applicant, id)).toMatchObject({ stage: 'committeeCheck' });
    expect((await decide(desks.committee!, id, 'approve')).status).toBe(200);
    expect(await stageOf(applicant, id)).toMatchObject({ status: 'passed', whereNow: '评委会电子材料审核已通过' });

    const timeline = (await applicant.get(`/api/applications/${id}/review-log`)).body.entries;
    expect(timeline.map((e: { stageLabel: string; actionLabel: string }) => `${e.stageLabel}${e.actionLabel}`)).toEqual(
      [
        '个人提交【提交】',
        '单位审核【重置流程】',
        '个人提交【提交】',
        '单位审核【通过】',
        '主管部门审核【通过】',
        '县区人社局审核【通过】',
        '州市人社局审核【返回修改】',
        '个人提交【提交】',
        '州市人社局审核【通过】',
        '评委会电子材料审核【通过】',
      ],
    );
    expect(timeline[1]).toMatchObject({
      orgName: unit.unit.unitName,
      opinion: '请更换从事专业',
      returnOrResetCount: 1,
    });
    expect(timeline[6]).toMatchObject({
      orgName: '昆明市人社局',
      opinion: '请补充近五年年度考核登记表',
      returnOrResetCount: 2,
    });
    expect(timeline[0].orgName).toBe(unit.unit.unitName);
    const messages = (await applicant.get('/api/messages/inbox?pageSize=50')).body.items.map(
      (m: { content: string }) => m.content,
    );
    expect(messages).toContain(
      '您的申报被昆明市人社局返回修改，请修改申报信息后重新提交，提交后将直接回到昆明市人社局审核。审核意见：请补充近五年年度考核登记表',
    );

    // The state equals a replay of the log.
    const log = await ctx.db
      .selectFrom('review_log')
      .select(['state_after'])
      .where('application_id', '=', Number(id))
      .orderBy('seq')
      .execute();
    const row = await ctx.db
      .selectFrom('application')
      .select(['status', 'stage_index', 'return_count'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(log.at(-1)!.state_after).toMatchObject({
      status: row.status,
      stageIndex: row.stage_index,
      returnCount: row.return_count,
    });

    // Every desk that decided keeps it in its 审核记录.
    for (const desk of [u, desks.supervisor!, desks.county!, desks.city!, desks.committee!]) {
      expect((await desk.get('/api/review/records')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    }
  });

  it('tells each desk in 我的消息 when an application reaches it, and the applicant of each step', async () => {
    const { unit, person, applicant, id } = await submitted();
    const inbox = async (agent: Agent) =>
      (
        (await agent.get(`/api/messages/inbox?keyword=${encodeURIComponent(person.name)}&pageSize=100`)).body.items as {
          content: string;
          senderName: string;
        }[]
      ).map((m) => m.content);
    expect(await inbox(unit.agent)).toContain(`${person.name} 提交了申报材料，请在【申报审核】中审核。`);
    await saveOpinion(unit.agent, id);
    expect((await decide(unit.agent, id, 'approve', '同意推荐')).status).toBe(200);
    expect(await inbox(desks.county!)).toEqual([
      `${person.name} 的申报已到达县区人社局审核（五华区人社局），请在【申报审核】中审核。`,
    ]);
    const told = (await applicant.get('/api/messages/inbox?pageSize=100')).body.items.map(
      (m: { content: string }) => m.content,
    );
    expect(told).toContain(
      `您的申报已通过${unit.unit.unitName}审核，进入县区人社局审核（五华区人社局）。审核意见：同意推荐`,
    );
    // A desk the application has not reached hears nothing of it.
    expect(await inbox(desks.city!)).toEqual([]);
  });

  it('names the deciding organisation, not its reviewer, as the sender of a decision', async () => {
    const { unit, applicant, id } = await submitted();
    await saveOpinion(unit.agent, id);
    expect((await decide(unit.agent, id, 'approve')).status).toBe(200);
    expect((await decide(desks.county!, id, 'return', '请补充业绩材料')).status).toBe(200);
    const inbox = (await applicant.get('/api/messages/inbox?pageSize=100')).body.items as {
      senderName: string;
      content: string;
    }[];
    const senderOf = (text: string) => inbox.find((m) => m.content.includes(text))?.senderName;
    expect(senderOf('请补充业绩材料')).toBe('五华区人社局');
    expect(senderOf(`已通过${unit.unit.unitName}审核`)).toBe(unit.unit.unitName);
  });

  it('sums up a desk for its 首页: counts by stage and committee, the batch deadline, nobody else’s applications', async () => {
    const countyBefore = (await desks.county!.get('/api/review/summary')).body.waiting as number;
    const first = await submitted({ regionCode: '530103' });
    // Other units' applications wait at their own desks.
    await submitted({ regionCode: '530103' });
    await submitted({ regionCode: '530103' });

    const unitDesk = await first.unit.agent.get('/api/review/summary');
    expect(unitDesk.status).toBe(200);
    expect(unitDesk.body).toMatchObject({
      waiting: 1,
      byStage: [{ stage: 'unitReview', stageLabel: '单位审核', count: 1 }],
      byCommittee: [{ committeeId: world.committeeId, count: 1 }],
    });
    const committeeName = unitDesk.body.byCommittee[0].committeeName as string;
    expect(unitDesk.body.deadlines[0]).toEqual({
      committeeName,
      year: world.year,
      kind: 'closes',
      kindLabel: '网报截止',
      at: expect.any(String),
    });

    await saveOpinion(first.unit.agent, first.id);
    expect((await decide(first.unit.agent, first.id, 'approve')).status).toBe(200);
    const bureau = (await desks.otherCounty!.get('/api/review/summary')).body;
    expect(bureau).toMatchObject({
      waiting: 1,
      byStage: [{ stage: 'countyBureauReview', stageLabel: '县区人社局审核', count: 1 }],
      byCommittee: [{ committeeId: world.committeeId, committeeName, count: 1 }],
    });
    expect(bureau.deadlines.map((d: { committeeName: string }) => d.committeeName)).toEqual([committeeName]);
    // The county of 五华区 saw none of it.
    expect((await desks.county!.get('/api/review/summary')).body.waiting).toBe(countyBefore);
    expect((await first.applicant.get('/api/review/summary')).status).toBe(403);
  });

  it('offers 通过 to the unit only once 表十二 is saved, by the same rule that refuses it', async () => {
    const { unit, id } = await submitted();
    const before = (await unit.agent.get(`/api/applications/${id}`)).body;
    expect(before.abilities).toEqual(['reject', 'return', 'reset']);
    const refused = await decide(unit.agent, id, 'approve');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('请先填写并保存基层意见（表十二）');
    await saveOpinion(unit.agent, id);
    const after = (await unit.agent.get(`/api/applications/${id}`)).body;
    expect(after.abilities).toEqual(['approve', 'reject', 'return', 'reset']);
    expect((await decide(unit.agent, id, 'approve')).status).toBe(200);
  });

  it('takes the shorter route for a 省级 unit', async () => {
    const { unit, applicant, id } = await submitted({ nature: 'institution', level: 'province', regionCode: '530102' });
    await saveOpinion(unit.agent, id);
    expect((await decide(unit.agent, id, 'approve')).status).toBe(200);
    expect((await stageOf(applicant, id)).stage).toBe('provinceBureauReview');
    expect(
      (await desks.county!.post('/api/review/decisions', { items: [{ id, version: 1 }], action: 'approve' })).status,
    ).toBe(404);
    expect((await decide(desks.province!, id, 'approve')).status).toBe(200);
    expect((await stageOf(applicant, id)).stage).toBe('committeeCheck');
  });

  it('makes 不通过 final: the applicant cannot submit that series and level again this year', async () => {
    const { unit, person, applicant, id } = await submitted();
    const noOpinion = await decide(unit.agent, id, 'reject');
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body.message).toBe('审核意见：除“通过”外，请填写审核意见');
    expect((await decide(unit.agent, id, 'reject', '不符合申报条件')).status).toBe(200);
    const app = (await applicant.get(`/api/applications/${id}`)).body;
    expect(app).toMatchObject({ status: 'rejected', abilities: [], editable: { choices: false, tables: false } });
    expect((await applicant.post(`/api/applications/${id}/submit`, { version: app.version })).status).toBe(422);
    const choicesOf = (titleId: string) => ({
      kind: 'evaluation',
      batchId: world.batchId,
      titleId,
      specialtyStudiedId: choices.specialtyId,
      specialtyPractisedId: choices.specialtyId,
    });
    // Refused already at 新建申报, saying which application barred it and why.
    const barred = '您2026年度申报的馆员（档案系列中级）已审核不通过，本年度不能再次申报该系列该级别的职称';
    const again = await applicant.post('/api/applications', choicesOf(choices.titleId));
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'RULE_VIOLATED', message: barred, details: { applicationId: id } });
    const drafts = await ctx.db
      .selectFrom('application')
      .select('id')
      .where('applicant_account_id', '=', person.accountId)
      .execute();
    expect(drafts).toHaveLength(1);
    expect(
      (await auditRows(ctx, 'application.create')).filter((r) => r.actor_account_id === person.accountId),
    ).toHaveLength(1);
    // Another level of the series is open to them, but a draft cannot be switched to the barred one.
    const junior = await ctx.db
      .selectFrom('title')
      .select('id')
      .where('name', '=', '助理馆员')
      .executeTakeFirstOrThrow();
    const other = await applicant.post('/api/applications', choicesOf(String(junior.id)));
    expect(other.status).toBe(201);
    const draft = (await applicant.get(`/api/applications/${other.body.id}`)).body;
    const switched = await applicant.request({
      method: 'PUT',
      url: `/api/applications/${other.body.id}/choices`,
      payload: { version: draft.version, ...choicesOf(choices.titleId) },
    });
    expect(switched.status).toBe(422);
    expect(switched.body.message).toBe(barred);
  });
});

describe('who may see and decide', () => {
  it('refuses every desk but the one holding the stage, and shows others nothing', async () => {
    const { unit, id } = await submitted();
    const other = await unitWithInfo(ctx);
    for (const desk of [
      other.agent,
      desks.county!,
      desks.otherCounty!,
      desks.city!,
      desks.committee!,
      desks.supervisor!,
    ]) {
      expect((await desk.get(`/api/applications/${id}`)).status).toBe(404);
      const res = await desk.post('/api/review/decisions', { items: [{ id, version: 99 }], action: 'approve' });
      expect([404, 409]).toContain(res.status);
      expect((await desk.get('/api/review/desk')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    }
    const { agent: applicant } = await loggedInApplicant(ctx);
    expect((await applicant.get('/api/review/desk')).status).toBe(403);
    expect((await admin.get('/api/review/desk')).status).toBe(403);
    expect(await (await stageOf(unit.agent, id)).stage).toBe('unitReview');
    await saveOpinion(unit.agent, id);
    await decide(unit.agent, id, 'approve');
    // Reached the county bureau: the other county's bureau still sees nothing; the city not yet.
    expect((await desks.county!.get(`/api/applications/${id}`)).status).toBe(200);
    expect((await desks.otherCounty!.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await desks.city!.get(`/api/applications/${id}`)).status).toBe(404);
  });

  it('tells the second of two reviewers that the application changed (409) and shows its new state', async () => {
    const { unit, id } = await submitted();
    await saveOpinion(unit.agent, id);
    const version = await versionOf(unit.agent, id);
    const first = await unit.agent.post('/api/review/decisions', {
      items: [{ id, version }],
      action: 'approve',
      opinion: '',
    });
    expect(first.status).toBe(200);
    const second = await unit.agent.post('/api/review/decisions', {
      items: [{ id, version }],
      action: 'return',
      opinion: '重复操作',
    });
    expect(second.status).toBe(409);
    expect(second.body.details.application).toMatchObject({ status: 'inReview', stage: 'countyBureauReview' });
  });

  it('decides several checked applications at once and reports each', async () => {
    const a = await submitted();
    const b = await submitted();
    const unitB = b.unit.agent;
    await saveOpinion(unitB, b.id);
    const res = await unitB.post('/api/review/decisions', {
      items: [
        { id: b.id, version: await versionOf(unitB, b.id) },
        { id: a.id, version: 1 },
      ],
      action: 'approve',
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: b.id, ok: true },
      { id: a.id, ok: false, code: 'NOT_FOUND', message: '申报不存在' },
    ]);
  });

  it('limits 基层意见 to 1000 characters and to the unit holding the stage', async () => {
    const { unit, id } = await submitted();
    const long = await saveOpinion(unit.agent, id, '意'.repeat(1001));
    expect(long.status).toBe(400);
    expect(long.body.message).toBe('基层意见：基层意见不超过1000个字');
    const other = await unitWithInfo(ctx);
    const res = await other.agent.request({
      method: 'PUT',
      url: `/api/review/applications/${id}/unit-opinion`,
      payload: { version: 1, unitOpinion: '越权' },
    });
    expect(res.status).toBe(404);
    expect((await auditRows(ctx, 'application.unitOpinion.save')).length).toBeGreaterThanOrEqual(0);
  });
});

describe('deadlines', () => {
  it('lets a returned application be resubmitted only until the batch’s correction deadline', async () => {
    const { unit, applicant, id } = await submitted();
    await decide(unit.agent, id, 'return', '请修改表三');
    const committee = (await admin.get('/api/admin/committees')).body.find(
      (c: { id: string }) => c.id === world.committeeId,
    );
    const batch = committee.batches[0];
    const put = await admin.request({
      method: 'PUT',
      url: `/api/admin/committees/${world.committeeId}/batches/${batch.id}`,
      payload: {
        year: batch.year,
        opensAt: batch.opensAt,
        closesAt: batch.closesAt,
        correctionClosesAt: new Date(ctx.clock.now().getTime() + 40 * 60_000).toISOString(),
      },
    });
    expect(put.status).toBe(200);
    ctx.clock.advanceMinutes(25);
    const app = (await applicant.get(`/api/applications/${id}`)).body;
    ctx.clock.advanceMinutes(20);
    try {
      const late = await applicant.post(`/api/applications/${id}/submit`, { version: app.version });
      expect(late.status).toBe(422);
      expect(late.body.message).toBe('返回修改的截止时间已过，不能再提交');
    } finally {
      await admin.request({
        method: 'PUT',
        url: `/api/admin/committees/${world.committeeId}/batches/${batch.id}`,
        payload: { year: batch.year, opensAt: batch.opensAt, closesAt: batch.closesAt, correctionClosesAt: null },
      });
    }
  });
});

describe('two reviewers at once', () => {
  it('counts exactly one of two simultaneous decisions on one application (real concurrency on PostgreSQL)', async () => {
    // The deadline test above moved the clock past the idle timeout: everyone signs in again.
    const { agent: freshAdmin } = await loggedInAdmin(ctx);
    const county = (await freshAdmin.get('/api/admin/hr-bureaus')).body.find(
      (b: { name: string }) => b.name === '五华区人社局',
    );
    desks.county = (await loggedInReviewer(ctx, freshAdmin, 'hrBureau', county.id)).agent;
    const secondReviewer = (await loggedInReviewer(ctx, freshAdmin, 'hrBureau', county.id)).agent;
    for (let round = 0; round < 3; round++) {
      const { unit, id } = await submitted();
      await saveOpinion(unit.agent, id);
      await decide(unit.agent, id, 'approve');
      const version = await versionOf(desks.county!, id);
      const [a, b] = await Promise.all([
        desks.county!.post('/api/review/decisions', { items: [{ id, version }], action: 'approve', opinion: '' }),
        secondReviewer.post('/api/review/decisions', {
          items: [{ id, version }],
          action: 'return',
          opinion: '请补充材料',
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.message).toBe('该申报已发生变化（可能已被他人审核），请刷新后查看最新状态');
      const decisions = await ctx.db
        .selectFrom('review_log')
        .select('action')
        .where('application_id', '=', Number(id))
        .where('stage', '=', 'countyBureauReview')
        .execute();
      expect(decisions).toHaveLength(1);
      const winner = a.status === 200 ? 'approve' : 'return';
      expect(decisions[0]!.action).toBe(winner);
      expect(loser.body.details.application.status).toBe(winner === 'approve' ? 'inReview' : 'returned');
    }
  });
});

describe('重置流程 and a change of unit', () => {
  it('shows the new unit nothing before the application is submitted to it, and lets the old unit keep its records', async () => {
    const { unit: oldUnit, applicant, id } = await submitted();
    expect((await decide(oldUnit.agent, id, 'reset', '请到现单位申报')).status).toBe(200);
    const newUnit = await unitWithInfo(ctx);
    expect((await applicant.post('/api/applicants/me/unit', { unitId: String(newUnit.unit.unitId) })).status).toBe(200);
    const draft = (await applicant.get(`/api/applications/${id}`)).body;
    const moved = await applicant.request({
      method: 'PUT',
      url: `/api/applications/${id}/choices`,
      payload: {
        version: draft.version,
        kind: 'evaluation',
        batchId: world.batchId,
        titleId: choices.titleId,
        specialtyStudiedId: choices.specialtyId,
        specialtyPractisedId: choices.specialtyId,
      },
    });
    expect(moved.status).toBe(200);

    // The draft is not the new unit's to read, nor its history.
    expect((await newUnit.agent.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await newUnit.agent.get(`/api/applications/${id}/review-log`)).status).toBe(404);
    // The old unit still opens what it decided on, from 审核记录.
    const records = (await oldUnit.agent.get('/api/review/records')).body.items.map((r: { id: string }) => r.id);
    expect(records).toContain(id);
    expect((await oldUnit.agent.get(`/api/applications/${id}`)).status).toBe(200);

    expect((await applicant.post(`/api/applications/${id}/submit`, { version: moved.body.version })).status).toBe(200);
    const newLog = (await newUnit.agent.get(`/api/applications/${id}/review-log`)).body.entries;
    expect(newLog.map((e: { action: string }) => e.action)).toEqual(['submit']);
    const oldLog = (await oldUnit.agent.get(`/api/applications/${id}/review-log`)).body.entries;
    expect(oldLog.map((e: { action: string }) => e.action)).toEqual(['submit', 'reset']);
    // The applicant and the desks above read the whole history.
    const whole = (await applicant.get(`/api/applications/${id}/review-log`)).body.entries;
    expect(whole.map((e: { action: string }) => e.action)).toEqual(['submit', 'reset', 'submit']);
  });
});
