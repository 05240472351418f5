import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, cityRoute, writeUnitOpinion } from '../../../../test/desk-fixtures';
import { auditRows, loggedInAdmin } from '../../../../test/fixtures';
import { committeeReviews, loggedInExpert } from '../../../../test/committee-fixtures';
import { createTestContext, type Agent, type TestContext } from '../../../../test/test-app';

let ctx: TestContext;
let route: Awaited<ReturnType<typeof cityRoute>>;
let office: Agent;
const experts: Agent[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  const admin = (await loggedInAdmin(ctx)).agent;
  route = await cityRoute(ctx, admin);
  office = route.desks.committee;
  await committeeReviews(ctx, admin, route.world.committeeId);
  for (let i = 0; i < 3; i++) experts.push((await loggedInExpert(ctx, office, { name: `保密专家${i}` })).agent);
});
afterAll(() => ctx.close());

async function atMeeting(name: string) {
  const unit = await route.cityUnit();
  const app = await route.submitted(unit.unit.unitId, name);
  await writeUnitOpinion(unit.agent, app.id, '同意推荐。');
  for (const desk of [unit.agent, route.desks.city, office, office, office]) await approve(desk, app.id);
  return app.id;
}

const choice = fc.constantFrom('agree', 'disagree', 'abstain', null);
/** What an answer says about one agenda item, without the item's own name and id. */
const about = (items: { applicationId: string }[], id: string) => {
  const item = items.find((i) => i.applicationId === id) as Record<string, unknown>;
  const { applicationId: _id, applicantName: _name, unitName: _unit, ...rest } = item;
  return rest;
};

/**
 * Non-interference: two applications on one agenda get the same votes from different experts (the
 * second a permutation of the first). If any answer told who voted how, the two would read differently.
 */
describe('ballot secrecy', () => {
  it('gives the same answers for any two assignments of the same votes to different experts', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(choice, choice, choice),
        fc.constantFrom([1, 2, 0], [2, 0, 1], [1, 0, 2], [0, 2, 1], [2, 1, 0]),
        async (votes, permutation) => {
          run += 1;
          const [a, b] = [await atMeeting(`甲${run}`), await atMeeting(`乙${run}`)];
          const m = (
            await office.post('/api/committee/meetings', {
              title: `保密测试会议${run}`,
              meetingDate: '2026-06-10',
              place: '昆明',
              titleLevel: 'intermediate',
              specialties: [],
              size: 3,
            })
          ).body.id as string;
          await office.post(`/api/committee/meetings/${m}/agenda`, { applicationIds: [a, b] });
          const members = (await office.post(`/api/committee/meetings/${m}/draw`)).body.members;
          await office.post(`/api/committee/meetings/${m}/attendance`, {
            presentExpertIds: members.map((e: { expertId: string }) => e.expertId),
          });
          await office.post(`/api/committee/meetings/${m}/open`);

          for (let i = 0; i < 3; i++) {
            const onA = votes[i];
            const onB = votes[permutation[i]!];
            if (onA) await experts[i]!.post(`/api/expert/meetings/${m}/ballots`, { applicationId: a, choice: onA });
            if (onB) await experts[i]!.post(`/api/expert/meetings/${m}/ballots`, { applicationId: b, choice: onB });
            const view = (await office.get(`/api/committee/meetings/${m}`)).body.agenda;
            // While the vote runs the office sees how many have voted, never a count of choices.
            expect(about(view, a)).toMatchObject({ tally: null, outcome: null });
          }
          const closed = (await office.post(`/api/committee/meetings/${m}/close`)).body.agenda;
          expect(about(closed, a)).toEqual(about(closed, b));
          const cast = votes.filter(Boolean).length;
          expect(about(closed, a)).toMatchObject({
            ballotsCast: cast,
            tally: {
              expected: 3,
              present: 3,
              agree: votes.filter((v) => v === 'agree').length,
              disagree: votes.filter((v) => v === 'disagree').length,
              abstain: 3 - votes.filter((v) => v === 'agree' || v === 'disagree').length,
            },
          });
          const logOf = async (id: string) =>
            ((await office.get(`/api/applications/${id}/review-log`)).body.entries as { opinion: string }[]).at(-1)!
              .opinion;
          expect(await logOf(a)).toBe(await logOf(b));
          // The audit trail names who cast a ballot on what, never the choice.
          for (const row of await auditRows(ctx, 'ballot.cast')) {
            expect(Object.keys(row.detail as object)).toEqual(['applicationId']);
          }
        },
      ),
      { numRuns: 4 },
    );
  });
});
