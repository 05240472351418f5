import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/test-app';
import { cappedCount, pageByKeys } from '../../db/paginate';
import { personalData } from '../../db/personal-data';
import { scalePerson, scalePlan } from './scale-applications';
import { seedScale, type ScaleSeedResult } from './scale-seed';

const applications = 600;
const password = 'Scale#Test2026';

describe('seed:scale', () => {
  let ctx: TestContext;
  let seeded: ScaleSeedResult;

  beforeAll(async () => {
    ctx = await createTestContext();
    seeded = await seedScale(ctx.db, ctx.config, { applications, password, units: 24, chunk: 250, clock: ctx.clock });
  }, 240_000);
  afterAll(() => ctx.close());

  it('puts each application where its plan says, with the holder of its stage and its whole 审核记录', async () => {
    const rows = await ctx.db
      .selectFrom('application')
      .select(['id', 'status', 'stage', 'stage_index', 'route', 'holder_kind', 'holder_org_id', 'applicant_account_id'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(applications);
    const planned = Array.from({ length: applications }, (_, i) => scalePlan(i).status);
    expect(rows.map((r) => r.status).sort()).toEqual(planned.sort());
    for (const row of rows.filter((r) => r.status === 'inReview')) {
      const step = row.route![row.stage_index!]!;
      expect({ kind: row.holder_kind, org: row.holder_org_id, stage: row.stage }).toEqual({
        kind: step.holder,
        org: step.orgId,
        stage: step.stage,
      });
    }
    const logs = await ctx.db
      .selectFrom('review_log')
      .select(['application_id', sql<number>`count(*)::int`.as('n'), sql<number>`max(seq)`.as('last')])
      .groupBy('application_id')
      .execute();
    const logOf = new Map(logs.map((l) => [l.application_id, l]));
    for (const row of rows) {
      const expected =
        row.status === 'draft'
          ? 0
          : row.status === 'inReview'
            ? 1 + row.stage_index!
            : row.status === 'passed'
              ? 1 + row.route!.length
              : 2 + row.stage_index!;
      expect(logOf.get(row.id)?.n ?? 0).toBe(expected);
    }
  });

  it('lets a generated reviewer sign in and find the same desk the database holds, by name and by ID number', async () => {
    const desk = seeded.desks.committee;
    const agent = ctx.agent();
    expect((await agent.login('reviewer', desk.username, password)).status).toBe(200);
    const page = (await agent.get('/api/review/desk?page=1&pageSize=5')).body;
    expect(page.total).toBe(desk.waiting);
    expect(page.totalCapped).toBe(false);

    const [first] = page.items as { id: string; name: string }[];
    const person = await ctx.db
      .selectFrom('applicant')
      .innerJoin('application', 'application.applicant_account_id', 'applicant.account_id')
      .select(['applicant.name', 'applicant.id_number'])
      .where('application.id', '=', Number(first!.id))
      .executeTakeFirstOrThrow();
    const idNumber = personalData(ctx.db).open(person.id_number);
    const byId = (await agent.get(`/api/review/desk?keyword=${idNumber}`)).body;
    expect(byId.items.map((i: { id: string }) => i.id)).toEqual([first!.id]);
    const byName = (await agent.get(`/api/review/desk?pageSize=100&keyword=${encodeURIComponent(person.name)}`)).body;
    expect(byName.items.map((i: { id: string }) => i.id)).toContain(first!.id);
    expect(byName.items.every((i: { name: string }) => i.name === person.name)).toBe(true);
  });

  it('lets a generated applicant sign in with their ID number and see their application', async () => {
    const i = Array.from({ length: applications }, (_, k) => k).find((k) => scalePlan(k).status === 'draft')!;
    const agent = ctx.agent();
    expect((await agent.login('applicant', scalePerson(i).idNumber, password)).status).toBe(200);
    const mine = (await agent.get('/api/applications')).body as { status: string }[];
    expect(mine.map((a) => a.status)).toEqual(['draft']);
  });

  it('keeps the desks’ counters equal to what waits at each desk, through decisions', async () => {
    expect(await counters(ctx)).toEqual(await counted(ctx));
    const agent = ctx.agent();
    await agent.login('reviewer', seeded.desks.committee.username, password);
    const page = (await agent.get('/api/review/desk?page=1&pageSize=6')).body.items as {
      id: string;
      version: number;
    }[];
    const decide = (action: string, items: typeof page) =>
      agent.post('/api/review/decisions', {
        action,
        opinion: '压测',
        items: items.map((i) => ({ id: i.id, version: i.version })),
      });
    expect((await decide('approve', page.slice(0, 4))).status).toBe(200);
    expect((await decide('return', page.slice(4, 5))).status).toBe(200);
    expect((await decide('reject', page.slice(5, 6))).status).toBe(200);
    expect(await counters(ctx)).toEqual(await counted(ctx));
    expect((await agent.get('/api/review/desk?page=1&pageSize=1')).body.total).toBe(seeded.desks.committee.waiting - 2);
  });

  it('counts a list only up to its cap and says so', async () => {
    const desk = await ctx.db
      .selectFrom('application')
      .select(['holder_kind', 'holder_org_id'])
      .where('holder_kind', '=', 'committee')
      .executeTakeFirstOrThrow();
    const base = ctx.db
      .selectFrom('application')
      .where('holder_kind', '=', desk.holder_kind)
      .where('holder_org_id', '=', desk.holder_org_id);
    const order = { sort: 'application.submitted_at', id: 'application.id' };
    const rowsOf = (page: Parameters<Parameters<typeof pageByKeys>[3]>[0]) =>
      ctx.db.selectFrom('application').select(['id', 'submitted_at']).where('id', 'in', page).execute();
    const capped = await pageByKeys(base, { page: 2, pageSize: 3 }, order, rowsOf, cappedCount(ctx.db, base, 7), 7);
    expect(capped).toMatchObject({ total: 7, totalCapped: true });
    expect(capped.rows).toHaveLength(3);
    const whole = await pageByKeys(
      base,
      { page: 1, pageSize: 3 },
      order,
      rowsOf,
      cappedCount(ctx.db, base, 100_000),
      100_000,
    );
    expect(whole.totalCapped).toBe(false);
    expect(whole.total).toBe(await committeeHolds(ctx));
  });
});

/** Applications the committee holds, at its desk or on its own pages (meeting, 公示). */
async function committeeHolds(ctx: TestContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('application')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('holder_kind', '=', 'committee')
    .executeTakeFirstOrThrow();
  return row.n;
}

const byKey = (rows: { holder_kind: string | null; holder_org_id: number | null; stage: string | null; n: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [`${r.holder_kind}/${r.holder_org_id}/${r.stage}`, r.n]));

/** The counters the trigger keeps. */
async function counters(ctx: TestContext) {
  const rows = await ctx.db
    .selectFrom('desk_count')
    .select(['holder_kind', 'holder_org_id', 'stage', 'waiting as n'])
    .execute();
  return byKey(rows);
}

/** The same, counted from the applications. */
async function counted(ctx: TestContext) {
  const rows = await ctx.db
    .selectFrom('application')
    .select(['holder_kind', 'holder_org_id', 'stage', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'inReview')
    .groupBy(['holder_kind', 'holder_org_id', 'stage'])
    .execute();
  return byKey(rows);
}
