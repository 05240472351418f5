import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initialWorkflowState,
  next,
  decisionActions,
  type RouteStep,
  type WorkflowActor,
  type WorkflowState,
} from '#common';
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

/**
 * Model-based: random sequences of submissions and decisions by random desks, through the API on a
 * real database, against a small reference model of manual §4.1 and §7.10.
 */
let ctx: TestContext;
let world: Awaited<ReturnType<typeof reviewWorld>>;
let templateId: number;
let unitId: number;
const agents: Record<string, Agent> = {};
const desks = ['unit', 'county', 'city', 'committee'];
const runs = Number(process.env.MODEL_RUNS ?? 10);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-05-26T02:00:00Z');
  const admin = (await loggedInAdmin(ctx)).agent;
  const county = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '五华区人社局', regionCode: '530102' });
  const otherCounty = await adminCreates(admin, '/api/admin/hr-bureaus', {
    name: '盘龙区人社局',
    regionCode: '530103',
  });
  const city = await adminCreates(admin, '/api/admin/hr-bureaus', { name: '昆明市人社局', regionCode: '530100' });
  world = await reviewWorld(ctx, admin);
  const unit = await unitWithInfo(ctx);
  unitId = unit.unit.unitId;
  agents.unit = unit.agent;
  agents.county = (await loggedInReviewer(ctx, admin, 'hrBureau', county)).agent;
  agents.otherCounty = (await loggedInReviewer(ctx, admin, 'hrBureau', otherCounty)).agent;
  agents.city = (await loggedInReviewer(ctx, admin, 'hrBureau', city)).agent;
  agents.committee = (await loggedInReviewer(ctx, admin, 'committee', world.committeeId)).agent;
  // One complete draft whose form and attachments every run copies.
  const choices = await archivesChoices(ctx);
  const { person, agent } = await loggedInApplicant(ctx, unitId);
  const created = await agent.post('/api/applications', {
    kind: 'evaluation',
    batchId: world.batchId,
    titleId: choices.titleId,
    specialtyStudiedId: choices.specialtyId,
    specialtyPractisedId: choices.specialtyId,
  });
  await fillApplication(agent, created.body.id, world.year, person.name);
  templateId = Number(created.body.id);
}, 120_000);
afterAll(() => ctx.close());

/** A fresh applicant of the unit with a complete draft, copied from the template. */
async function freshDraft() {
  const { person, agent } = await loggedInApplicant(ctx, unitId);
  const { id } = await ctx.db
    .insertInto('application')
    .columns([
      'applicant_account_id',
      'kind',
      'year',
      'unit_id',
      'batch_id',
      'committee_id',
      'series_code',
      'title_id',
      'title_level',
      'specialty_studied_id',
      'specialty_practised_id',
      'status',
      'form',
      'created_at',
      'updated_at',
    ])
    .expression((eb) =>
      eb
        .selectFrom('application')
        .select([
          sql.lit(person.accountId).as('applicant_account_id'),
          'kind',
          'year',
          'unit_id',
          'batch_id',
          'committee_id',
          'series_code',
          'title_id',
          'title_level',
          'specialty_studied_id',
          'specialty_practised_id',
          sql.lit('draft').as('status'),
          'form',
          'created_at',
          'updated_at',
        ])
        .where('id', '=', templateId),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('attachment')
    .columns(['application_id', 'category', 'stored_file_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('attachment')
        .select([sql.lit(id).as('application_id'), 'category', 'stored_file_id', 'created_at'])
        .where('application_id', '=', templateId),
    )
    .execute();
  return { agent, id: String(id), accountId: person.accountId };
}

interface Model {
  status: string;
  stage: number;
  returnedFrom: number;
  count: number;
}
function modelStep(m: Model, actor: string, action: string): Model | null {
  if (action === 'submit') {
    if (actor !== 'applicant') return null;
    if (m.status === 'draft') return { ...m, status: 'inReview', stage: 0 };
    if (m.status === 'returned') return { ...m, status: 'inReview', stage: m.returnedFrom };
    return null;
  }
  if (m.status !== 'inReview' || desks[m.stage] !== actor) return null;
  if (action === 'approve')
    return m.stage === desks.length - 1 ? { ...m, status: 'passed' } : { ...m, stage: m.stage + 1 };
  if (action === 'reject') return { ...m, status: 'rejected' };
  if (action === 'return') return { ...m, status: 'returned', returnedFrom: m.stage, count: m.count + 1 };
  return { status: 'draft', stage: -1, returnedFrom: -1, count: m.count + 1 };
}

async function act(agent: Agent, actor: string, action: string, id: string, applicantAgent: Agent) {
  if (actor === 'applicant') {
    const version = (await applicantAgent.get(`/api/applications/${id}`)).body.version;
    return applicantAgent.post(`/api/applications/${id}/submit`, { version });
  }
  const view = await agent.get(`/api/applications/${id}`);
  const version = view.status === 200 ? view.body.version : 1;
  if (actor === 'unit' && action === 'approve' && view.status === 200 && view.body.stage === 'unitReview') {
    await agent.request({
      method: 'PUT',
      url: `/api/review/applications/${id}/unit-opinion`,
      payload: { version, unitOpinion: '同意推荐' },
    });
  }
  const fresh = view.status === 200 ? (await agent.get(`/api/applications/${id}`)).body.version : version;
  return agent.post('/api/review/decisions', {
    items: [{ id, version: fresh }],
    action,
    opinion: action === 'approve' ? '' : '随机审核意见',
  });
}

/** The state rebuilt from the log alone, with each row's actor as the log names it. */
async function replay(id: string, applicantId: number): Promise<WorkflowState> {
  const rows = await ctx.db
    .selectFrom('review_log')
    .select(['action', 'org_kind', 'org_id', 'state_after'])
    .where('application_id', '=', Number(id))
    .orderBy('seq')
    .execute();
  return rows.reduce<WorkflowState>((state, row) => {
    const actor: WorkflowActor =
      row.org_kind === 'applicant'
        ? { kind: 'applicant', accountId: applicantId, owns: true }
        : row.org_kind === 'unit'
          ? { kind: 'unit', accountId: 0, unitId: row.org_id! }
          : { kind: 'reviewer', accountId: 0, orgKind: row.org_kind!, orgId: row.org_id! };
    const route = (row.state_after as { route: RouteStep[] | null }).route ?? undefined;
    const result = next(state, row.action, actor, { route });
    if (!result.ok) throw new Error(`the log holds a refused step: ${row.action}`);
    return result.state;
  }, initialWorkflowState);
}

describe('the review workflow on the server, against a reference model', () => {
  it('keeps state, allowed actions and the log in agreement after every random step', async () => {
    // Mostly the desk that holds the application now (resolved at run time), so that runs go deep.
    const actorArb = fc.oneof(
      { weight: 3, arbitrary: fc.constant('holder') },
      { weight: 2, arbitrary: fc.constantFrom('applicant', 'unit', 'county', 'otherCounty', 'city', 'committee') },
    );
    // The desks' own actions: the committee's (its meeting, 公示, 确认) go through their own routes.
    const command = fc.record({ actor: actorArb, action: fc.constantFrom('submit' as const, ...decisionActions) });
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 16 }), async (commands) => {
        const { agent: applicant, id, accountId } = await freshDraft();
        let model: Model = { status: 'draft', stage: -1, returnedFrom: -1, count: 0 };
        let opinionSaved = false;
        for (const step of commands) {
          const action = step.action;
          const actor =
            step.actor !== 'holder' ? step.actor : model.status === 'inReview' ? desks[model.stage]! : 'applicant';
          if (actor === 'applicant' && action !== 'submit') continue;
          const expected = modelStep(model, actor, action);
          // act() saves 表十二 before the unit's 通过; 重置流程 clears it.
          if (actor === 'unit' && action === 'approve' && model.status === 'inReview' && model.stage === 0) {
            opinionSaved = true;
          }
          if (expected && action === 'reset') opinionSaved = false;
          const res = await act(agents[actor] ?? applicant, actor, action, id, applicant);
          const decided = res.status === 200 && (res.body.results ? res.body.results[0].ok : true);
          expect(decided, `${actor} ${action} in ${JSON.stringify(model)}: ${JSON.stringify(res.body)}`).toBe(
            expected !== null,
          );
          if (expected) model = expected;

          const seen = (await applicant.get(`/api/applications/${id}`)).body;
          expect(seen.status).toBe(model.status);
          expect(seen.returnCount).toBe(model.count);
          expect(seen.stage).toBe(
            model.status === 'inReview'
              ? ['unitReview', 'countyBureauReview', 'cityBureauReview', 'committeeCheck'][model.stage]
              : null,
          );
          expect(seen.abilities).toEqual(modelStep(model, 'applicant', 'submit') ? ['submit'] : []);
          if (model.status === 'inReview') {
            const holder = (await agents[desks[model.stage]!]!.get(`/api/applications/${id}`)).body;
            // The unit is offered 通过 only once 表十二 is saved: the same rule the server applies.
            const approvable = desks[model.stage] !== 'unit' || opinionSaved;
            expect(holder.abilities).toEqual(
              approvable ? ['approve', 'reject', 'return', 'reset'] : ['reject', 'return', 'reset'],
            );
          }
          const row = await ctx.db
            .selectFrom('application')
            .select(['status', 'stage_index', 'returned_from_index', 'return_count', 'route'])
            .where('id', '=', Number(id))
            .executeTakeFirstOrThrow();
          expect(await replay(id, accountId)).toEqual({
            status: row.status,
            stageIndex: row.stage_index,
            route: row.route,
            returnedFromIndex: row.returned_from_index,
            returnCount: row.return_count,
          });
        }
      }),
      { numRuns: runs },
    );
  }, 300_000);
});
