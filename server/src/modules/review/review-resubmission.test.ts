import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import { loggedInAdmin } from '../../../../test/fixtures';

let ctx: TestContext;
let route: Awaited<ReturnType<typeof cityRoute>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  route = await cityRoute(ctx, (await loggedInAdmin(ctx)).agent);
});
afterAll(() => ctx.close());

/** A person of the unit submits now; the unit writes 表十二 and passes it on to the city. */
async function atCity(unit: Agent, unitId: number, name: string) {
  const { applicant, id } = await route.submitted(unitId, name);
  await writeUnitOpinion(unit, id, '同意推荐。');
  expect((await approve(unit, id)).status).toBe(200);
  return { applicant, id };
}

describe('提交时间 after 返回修改', () => {
  it('shows the latest submission at the desk, and a resubmitted application comes first as new work', async () => {
    const city = route.desks.city;
    const { unit, agent: unitAgent } = await route.cityUnit();
    const first = await atCity(unitAgent, unit.unitId, '孙先交');
    const firstSubmitted = ctx.clock.now().toISOString();
    ctx.clock.advanceMinutes(5);
    const version = (await city.get(`/api/applications/${first.id}`)).body.version as number;
    const returned = await city.post('/api/review/decisions', {
      items: [{ id: first.id, version }],
      action: 'return',
      opinion: '请补充近五年年度考核登记表',
    });
    expect(returned.status).toBe(200);

    ctx.clock.advanceMinutes(5);
    const second = await atCity(unitAgent, unit.unitId, '周后交');
    const secondSubmitted = ctx.clock.now().toISOString();

    ctx.clock.advanceMinutes(10);
    const resubmitted = ctx.clock.now().toISOString();
    const again = await first.applicant.post(`/api/applications/${first.id}/submit`, {
      version: (await first.applicant.get(`/api/applications/${first.id}`)).body.version,
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stage: 'cityBureauReview', submittedAt: resubmitted });

    const desk = (await city.get('/api/review/desk')).body.items as { id: string; submittedAt: string }[];
    expect(desk.map((r) => [r.id, r.submittedAt])).toEqual([
      [first.id, resubmitted],
      [second.id, secondSubmitted],
    ]);
    expect(resubmitted > secondSubmitted && secondSubmitted > firstSubmitted).toBe(true);

    // The applicant's 我的申报 and the unit's 审核记录 read the same time.
    const mine = (await first.applicant.get('/api/applications')).body as { id: string; submittedAt: string }[];
    expect(mine.find((a) => a.id === first.id)!.submittedAt).toBe(resubmitted);
    const records = (await unitAgent.get('/api/review/records')).body.items as { id: string }[];
    expect(records.map((r) => r.id)).toEqual([first.id, second.id]);

    // The 审核记录 keeps both submissions with their own times.
    const log = (await first.applicant.get(`/api/applications/${first.id}/review-log`)).body.entries as {
      action: string;
      at: string;
    }[];
    expect(log.filter((e) => e.action === 'submit').map((e) => e.at)).toEqual([firstSubmitted, resubmitted]);
  });
});
