import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import {
  adminCreates,
  archivesChoices,
  fillApplication,
  loggedInAdmin,
  loggedInApplicant,
  loggedInReviewer,
  reviewWorld,
  unitWithInfo,
} from '../../../../test/fixtures';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof reviewWorld>>;
let choices: Awaited<ReturnType<typeof archivesChoices>>;
let county: Agent;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  const admin = (await loggedInAdmin(ctx)).agent;
  const countyId = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  world = await reviewWorld(ctx, admin);
  choices = await archivesChoices(ctx);
  county = (await loggedInReviewer(ctx, admin, 'hrBureau', countyId)).agent;
});
afterAll(() => ctx.close());

const versionOf = async (agent: Agent, id: string) =>
  (await agent.get(`/api/applications/${id}`)).body.version as number;

async function decide(agent: Agent, id: string, action: string, opinion = '') {
  const res = await agent.post('/api/review/decisions', {
    items: [{ id, version: await versionOf(agent, id) }],
    action,
    opinion,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A person of the unit submits a 馆员 application now; the unit saves 表十二 and passes it to the county. */
async function atCounty(unitAgent: Agent, unitId: number) {
  const { person, agent } = await loggedInApplicant(ctx, unitId);
  const created = await agent.post('/api/applications', {
    kind: 'evaluation',
    batchId: world.batchId,
    titleId: choices.titleId,
    specialtyStudiedId: choices.specialtyId,
    specialtyPractisedId: choices.specialtyId,
  });
  const id = created.body.id as string;
  const version = await fillApplication(agent, id, world.year, person.name);
  expect((await agent.post(`/api/applications/${id}/submit`, { version })).status).toBe(200);
  const opinion = (await unitAgent.get(`/api/review/applications/${id}/unit-opinion`)).body;
  await unitAgent.request({
    method: 'PUT',
    url: `/api/review/applications/${id}/unit-opinion`,
    payload: { version: opinion.version, unitOpinion: '同意推荐。' },
  });
  await decide(unitAgent, id, 'approve');
  return { applicant: agent, id };
}

describe('提交时间 after 返回修改', () => {
  it('shows the latest submission at the desk, and a resubmitted application comes first as new work', async () => {
    const { unit, agent: unitAgent } = await unitWithInfo(ctx);
    const first = await atCounty(unitAgent, unit.unitId);
    const firstSubmitted = ctx.clock.now().toISOString();
    ctx.clock.advanceMinutes(5);
    await decide(county, first.id, 'return', '请补充近五年年度考核登记表');

    ctx.clock.advanceMinutes(5);
    const second = await atCounty(unitAgent, unit.unitId);
    const secondSubmitted = ctx.clock.now().toISOString();

    ctx.clock.advanceMinutes(10);
    const resubmitted = ctx.clock.now().toISOString();
    const again = await first.applicant.post(`/api/applications/${first.id}/submit`, {
      version: await versionOf(first.applicant, first.id),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stage: 'countyBureauReview', submittedAt: resubmitted });

    const desk = (await county.get('/api/review/desk')).body.items as { id: string; submittedAt: string }[];
    expect(desk.map((r) => [r.id, r.submittedAt])).toEqual([
      [first.id, resubmitted],
      [second.id, secondSubmitted],
    ]);
    expect(resubmitted > secondSubmitted && secondSubmitted > firstSubmitted).toBe(true);

    // The applicant's 我的申报 and the unit's 审核记录 read the same time.
    const mine = (await first.applicant.get('/api/applications')).body as { id: string; submittedAt: string }[];
    expect(mine.find((a) => a.id === first.id)!.submittedAt).toBe(resubmitted);
    const records = (await unitAgent.get('/api/review/records')).body.items as { id: string; submittedAt: string }[];
    expect(records.map((r) => r.id)).toEqual([first.id, second.id]);

    // The 审核记录 keeps both submissions with their own times.
    const log = (await first.applicant.get(`/api/applications/${first.id}/review-log`)).body.entries as {
      action: string;
      at: string;
    }[];
    expect(log.filter((e) => e.action === 'submit').map((e) => e.at)).toEqual([firstSubmitted, resubmitted]);
  });
});
