import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abilities,
  type BatchWindow,
  initialWorkflowState,
  next,
  workflowActions,
  type RouteStep,
  type WorkflowActor,
  type WorkflowState,
} from './workflow';
import type { StageDecider } from './route-rules';

/** A route through four desks, then the committee's meeting and 公示, and the province bureau's 确认. */
const route: RouteStep[] = [
  { stage: 'unitReview', holder: 'unit', orgId: 1, orgName: '单位' },
  { stage: 'countyBureauReview', holder: 'hrBureau', orgId: 10, orgName: '县区人社局' },
  { stage: 'cityBureauReview', holder: 'hrBureau', orgId: 20, orgName: '州市人社局' },
  { stage: 'committeeCheck', holder: 'committee', orgId: 30, orgName: '评委会' },
  { stage: 'meeting', holder: 'committee', orgId: 30, orgName: '评委会' },
  { stage: 'publicNotice', holder: 'committee', orgId: 30, orgName: '评委会' },
  { stage: 'confirmation', holder: 'hrBureau', orgId: 40, orgName: '省人社厅' },
];
const actors: Record<string, WorkflowActor> = {
  applicant: { kind: 'applicant', accountId: 100, owns: true },
  stranger: { kind: 'applicant', accountId: 101, owns: false },
  unit: { kind: 'unit', accountId: 200, unitId: 1 },
  otherUnit: { kind: 'unit', accountId: 201, unitId: 2 },
  county: { kind: 'reviewer', accountId: 300, orgKind: 'hrBureau', orgId: 10 },
  otherCounty: { kind: 'reviewer', accountId: 301, orgKind: 'hrBureau', orgId: 11 },
  city: { kind: 'reviewer', accountId: 400, orgKind: 'hrBureau', orgId: 20 },
  committee: { kind: 'reviewer', accountId: 500, orgKind: 'committee', orgId: 30 },
  province: { kind: 'reviewer', accountId: 600, orgKind: 'hrBureau', orgId: 40 },
  admin: { kind: 'admin', accountId: 1 },
  expert: { kind: 'expert', accountId: 700 },
};
const holderName = ['unit', 'county', 'city', 'committee', 'committee', 'committee', 'province'];
/** Who decides at each stage of the route: the desk, or the meeting, the 公示 and the 确认. */
const deciderAt: StageDecider[] = ['desk', 'desk', 'desk', 'desk', 'meeting', 'publicNotice', 'confirmation'];
const deciders: StageDecider[] = ['desk', 'meeting', 'publicNotice', 'confirmation'];

/** The reference model, written from the manual's words, independently of `next`. */
interface Model {
  status: string;
  stage: number;
  returnedFrom: number;
  count: number;
}
function modelStep(m: Model, actor: string, action: string, decider: StageDecider = 'desk'): Model | null {
  if (action === 'submit') {
    if (actor !== 'applicant') return null;
    if (m.status === 'draft') return { ...m, status: 'inReview', stage: 0, returnedFrom: -1 };
    if (m.status === 'returned') return { ...m, status: 'inReview', stage: m.returnedFrom, returnedFrom: -1 };
    return null;
  }
  if (m.status !== 'inReview' || holderName[m.stage] !== actor) return null;
  if (deciderAt[m.stage] !== decider) return null;
  if (decider !== 'desk' && (action === 'return' || action === 'reset')) return null;
  // Only an upheld objection to the 公示 sends it back, to the meeting just before.
  if (action === 'revote') return route[m.stage]!.stage === 'publicNotice' ? { ...m, stage: m.stage - 1 } : null;
  if (action === 'approve')
    return m.stage === route.length - 1 ? { ...m, status: 'passed' } : { ...m, stage: m.stage + 1 };
  if (action === 'reject') return { ...m, status: 'rejected' };
  if (action === 'return') return { ...m, status: 'returned', returnedFrom: m.stage, count: m.count + 1 };
  return { status: 'draft', stage: -1, returnedFrom: -1, count: m.count + 1 };
}

const agrees = (state: WorkflowState, m: Model) => {
  expect(state.status).toBe(m.status);
  expect(state.returnCount).toBe(m.count);
  if (m.status === 'inReview') expect(state.stageIndex).toBe(m.stage);
  if (m.status === 'returned') expect(state.returnedFromIndex).toBe(m.returnedFrom);
};

describe('the workflow against its reference model', () => {
  it('agrees on every step, on the allowed actions, and on a replay of the log', () => {
    const command = fc.record({
      actor: fc.constantFrom(...Object.keys(actors)),
      action: fc.constantFrom(...workflowActions),
      decider: fc.constantFrom(...deciders),
    });
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state = initialWorkflowState;
        let model: Model = { status: 'draft', stage: -1, returnedFrom: -1, count: 0 };
        const log: { actor: WorkflowActor; action: (typeof workflowActions)[number]; decider: StageDecider }[] = [];
        for (const { actor, action, decider } of commands) {
          const expected = modelStep(model, actor, action, decider);
          const result = next(state, action, actors[actor]!, { route, decider });
          expect(result.ok).toBe(expected !== null);
          if (result.ok && expected) {
            state = result.state;
            model = expected;
            log.push({ actor: actors[actor]!, action, decider });
          }
          agrees(state, model);
          for (const [name, who] of Object.entries(actors)) {
            const allowed = workflowActions.filter((a) => modelStep(model, name, a) !== null);
            expect(abilities(state, who)).toEqual(allowed);
          }
        }
        const replayed = log.reduce<WorkflowState>((s, entry) => {
          const r = next(s, entry.action, entry.actor, { route, decider: entry.decider });
          if (!r.ok) throw new Error('the log holds a step the workflow refuses');
          return r.state;
        }, initialWorkflowState);
        expect(replayed).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the facts the workflow checks', () => {
  const submitted = next(initialWorkflowState, 'submit', actors.applicant!, { route });
  const atUnit = submitted.ok ? submitted.state : initialWorkflowState;

  it('refuses 通过 at 单位审核 until 表十二 is saved, and abilities offer it only then', () => {
    expect(next(atUnit, 'approve', actors.unit!, { unitOpinionSaved: false })).toMatchObject({
      ok: false,
      code: 'UNIT_OPINION_MISSING',
      message: '请先填写并保存基层意见（表十二）',
    });
    expect(abilities(atUnit, actors.unit!, { unitOpinionSaved: false })).toEqual(['reject', 'return', 'reset']);
    expect(abilities(atUnit, actors.unit!, { unitOpinionSaved: true })).toEqual([
      'approve',
      'reject',
      'return',
      'reset',
    ]);
    const moved = next(atUnit, 'approve', actors.unit!, { unitOpinionSaved: true });
    expect(moved.ok && moved.state.stageIndex).toBe(1);
    // Past the unit's stage, 表十二 is no longer the question.
    if (!moved.ok) throw new Error('approve refused');
    expect(next(moved.state, 'approve', actors.county!, { unitOpinionSaved: false }).ok).toBe(true);
  });

  it('takes a submission only in the batch’s 网报时间 and a resubmission only before the correction deadline', () => {
    const batch: BatchWindow = {
      opensAt: new Date('2026-05-01T00:00:00Z'),
      closesAt: new Date('2026-06-01T00:00:00Z'),
      correctionClosesAt: new Date('2026-06-10T00:00:00Z'),
    };
    const at = (iso: string) => ({ route, batch, now: new Date(iso) });
    expect(next(initialWorkflowState, 'submit', actors.applicant!, at('2026-04-30T23:59:59Z'))).toMatchObject({
      code: 'BATCH_NOT_OPEN',
    });
    expect(next(initialWorkflowState, 'submit', actors.applicant!, at('2026-05-15T00:00:00Z')).ok).toBe(true);
    expect(next(initialWorkflowState, 'submit', actors.applicant!, at('2026-06-01T00:00:00Z'))).toMatchObject({
      code: 'BATCH_CLOSED',
      message: '该评委会网报时间已截止，不能提交',
    });
    const returned = next(atUnit, 'return', actors.unit!);
    if (!returned.ok) throw new Error('return refused');
    expect(next(returned.state, 'submit', actors.applicant!, at('2026-06-05T00:00:00Z')).ok).toBe(true);
    expect(next(returned.state, 'submit', actors.applicant!, at('2026-06-10T00:00:00Z'))).toMatchObject({
      code: 'CORRECTION_CLOSED',
      message: '返回修改的截止时间已过，不能再提交',
    });
  });
});
