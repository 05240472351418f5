import { reviewStageLabels, type OrgKind, type ReviewStage } from '../enums';
import { stageDeciders, type StageDecider } from './route-rules';

export const applicationStatuses = ['draft', 'inReview', 'returned', 'rejected', 'passed'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: '草稿',
  inReview: '审核中',
  returned: '返回修改',
  rejected: '审核不通过',
  passed: '审核通过',
};

export const workflowActions = ['submit', 'approve', 'reject', 'return', 'reset', 'revote'] as const;
export type WorkflowAction = (typeof workflowActions)[number];
export type DecisionAction = Exclude<WorkflowAction, 'submit'>;
export const decisionActions = ['approve', 'reject', 'return', 'reset'] as const satisfies readonly DecisionAction[];
export const workflowActionLabels: Record<WorkflowAction, string> = {
  submit: '提交',
  approve: '通过',
  reject: '不通过',
  return: '返回修改',
  reset: '重置流程',
  revote: '异议成立，重新表决',
};

/** One stage of an application's route, with the organisation that holds it. */
export interface RouteStep {
  stage: ReviewStage;
  holder: 'unit' | OrgKind;
  orgId: number;
  orgName: string;
}

export interface WorkflowState {
  status: ApplicationStatus;
  /** The stage the application is at while in review (an index into route). */
  stageIndex: number | null;
  route: RouteStep[] | null;
  /** The stage that returned it: resubmission goes straight back there (manual §7.10). */
  returnedFromIndex: number | null;
  /** 第N次返回修改或重置流程. */
  returnCount: number;
}

export type WorkflowActor =
  | { kind: 'applicant'; accountId: number; owns: boolean }
  | { kind: 'unit'; accountId: number; unitId: number }
  | { kind: 'reviewer'; accountId: number; orgKind: OrgKind; orgId: number }
  | { kind: 'admin'; accountId: number }
  | { kind: 'expert'; accountId: number };

/** Why the workflow refuses a step; the server maps each to an error code in one table. */
export type WorkflowRefusal =
  | 'NOT_YOURS'
  | 'NOT_SUBMITTABLE'
  | 'NOT_AT_YOUR_STAGE'
  | 'WRONG_STATE'
  | 'NO_ROUTE'
  | 'UNIT_OPINION_MISSING'
  | 'BATCH_NOT_OPEN'
  | 'BATCH_CLOSED'
  | 'CORRECTION_CLOSED'
  | 'DECIDED_ELSEWHERE';

export type WorkflowResult = { ok: true; state: WorkflowState } | { ok: false; code: WorkflowRefusal; message: string };

/** A committee batch's open period (网报时间) and its deadline for 返回修改. */
export interface BatchWindow {
  opensAt: Date;
  closesAt: Date;
  correctionClosesAt: Date | null;
}

/**
 * What the workflow needs to know beyond the state. The server always gives every fact; a fact left out
 * is not checked (a replay of the review log checks the state machine, not the facts of that day).
 */
export interface WorkflowFacts {
  /** The route a draft's submission takes, computed from its unit and committee. */
  route?: RouteStep[];
  /** Whether the unit has saved 基层意见 (表十二), which it must before 通过. */
  unitOpinionSaved?: boolean;
  /** The time of the step and the application's batch (none for 考核定职). */
  now?: Date;
  batch?: BatchWindow | null;
  /** Who takes the step: a desk (the default), or the committee's meeting, 公示 or the bureau's 确认. */
  decider?: StageDecider;
}

export const initialWorkflowState: WorkflowState = {
  status: 'draft',
  stageIndex: null,
  route: null,
  returnedFromIndex: null,
  returnCount: 0,
};

export function currentStep(state: WorkflowState): RouteStep | null {
  return state.status === 'inReview' && state.route && state.stageIndex !== null
    ? (state.route[state.stageIndex] ?? null)
    : null;
}

/** Whether `actor` holds the stage the application is at now. */
export function holdsCurrentStage(state: WorkflowState, actor: WorkflowActor): boolean {
  const step = currentStep(state);
  if (!step) return false;
  if (step.holder === 'unit') return actor.kind === 'unit' && actor.unitId === step.orgId;
  return actor.kind === 'reviewer' && actor.orgKind === step.holder && actor.orgId === step.orgId;
}

/** Why a desk cannot decide at the committee's own stages: who does instead. */
const decidedElsewhere: Partial<Record<StageDecider, string>> = {
  meeting: '该申报在评审会议环节，由评审会议表决决定',
  publicNotice: '该申报在评审结果公示中，公示期满后由评委会办公室结束公示',
  confirmation: '该申报待人社部门确认，请在【评审结果确认】中办理',
};

const refuse = (code: WorkflowRefusal, message: string): WorkflowResult => ({ ok: false, code, message });

/** A submission outside the batch's 网报时间, or a resubmission after its correction deadline. */
export function submissionDeadlineRefusal(
  status: ApplicationStatus,
  batch: BatchWindow | null | undefined,
  now: Date,
): { code: WorkflowRefusal; message: string } | null {
  if (!batch) return null;
  if (status === 'draft') {
    if (now >= batch.closesAt) return { code: 'BATCH_CLOSED', message: '该评委会网报时间已截止，不能提交' };
    if (now < batch.opensAt) return { code: 'BATCH_NOT_OPEN', message: '该评委会网报尚未开始' };
  } else if (status === 'returned' && now >= (batch.correctionClosesAt ?? batch.closesAt)) {
    return { code: 'CORRECTION_CLOSED', message: '返回修改的截止时间已过，不能再提交' };
  }
  return null;
}

/**
 * The workflow as one pure function: what `action` by `actor` makes of `state`, given the `facts` of
 * the moment. The server runs it inside the transaction that locks the application and writes the log
 * row; the pages get the same answer as `abilities` instead of deciding for themselves.
 */
export function next(
  state: WorkflowState,
  action: WorkflowAction,
  actor: WorkflowActor,
  facts: WorkflowFacts = {},
): WorkflowResult {
  if (action === 'submit') {
    if (actor.kind !== 'applicant' || !actor.owns) return refuse('NOT_YOURS', '只有申报人本人可以提交申报');
    const resubmission = state.status === 'returned' && state.returnedFromIndex !== null;
    if (state.status !== 'draft' && !resubmission) return refuse('NOT_SUBMITTABLE', '当前状态不能提交');
    const late = facts.now ? submissionDeadlineRefusal(state.status, facts.batch, facts.now) : null;
    if (late) return refuse(late.code, late.message);
    if (resubmission) {
      return {
        ok: true,
        state: { ...state, status: 'inReview', stageIndex: state.returnedFromIndex, returnedFromIndex: null },
      };
    }
    const route = facts.route ?? [];
    if (route.length === 0) return refuse('NO_ROUTE', '无法确定审核流程，请检查单位信息');
    return { ok: true, state: { ...state, status: 'inReview', stageIndex: 0, route, returnedFromIndex: null } };
  }

  if (state.status !== 'inReview') return refuse('WRONG_STATE', '当前状态不能审核');
  if (!holdsCurrentStage(state, actor)) return refuse('NOT_AT_YOUR_STAGE', '该申报不在您的审核环节');
  const index = state.stageIndex!;
  const stage = state.route![index]!.stage;
  const decider = facts.decider ?? 'desk';
  if (stageDeciders[stage] !== decider) {
    return refuse(
      'DECIDED_ELSEWHERE',
      decidedElsewhere[stageDeciders[stage]] ?? `该申报当前在“${reviewStageLabels[stage]}”环节，不能在此办理`,
    );
  }
  if (decider !== 'desk' && (action === 'return' || action === 'reset')) {
    return refuse('WRONG_STATE', `${reviewStageLabels[stage]}环节不能${workflowActionLabels[action]}`);
  }
  switch (action) {
    case 'approve': {
      if (state.route![index]!.stage === 'unitReview' && facts.unitOpinionSaved === false) {
        return refuse('UNIT_OPINION_MISSING', '请先填写并保存基层意见（表十二）');
      }
      const last = index + 1 >= state.route!.length;
      return { ok: true, state: last ? { ...state, status: 'passed' } : { ...state, stageIndex: index + 1 } };
    }
    case 'reject':
      return { ok: true, state: { ...state, status: 'rejected' } };
    case 'return':
      return {
        ok: true,
        state: { ...state, status: 'returned', returnedFromIndex: index, returnCount: state.returnCount + 1 },
      };
    case 'revote': {
      // An upheld objection to the 公示 sends the application back to the meeting for a new vote.
      const meeting = state.route!.findLastIndex((step, i) => i < index && step.stage === 'meeting');
      if (stage !== 'publicNotice' || meeting === -1) return refuse('WRONG_STATE', '只有公示中的申报可以重新表决');
      return { ok: true, state: { ...state, stageIndex: meeting } };
    }
    case 'reset':
      return {
        ok: true,
        state: {
          status: 'draft',
          stageIndex: null,
          route: null,
          returnedFromIndex: null,
          returnCount: state.returnCount + 1,
        },
      };
  }
}

/**
 * The actions `actor` may take on an application in `state`, by the same rule as `next` (a draft's
 * submission assumes a route can be found: whether it can is the 提交前检查's to say).
 */
export function abilities(state: WorkflowState, actor: WorkflowActor, facts: WorkflowFacts = {}): WorkflowAction[] {
  const probeRoute: RouteStep[] = [{ stage: 'unitReview', holder: 'unit', orgId: 0, orgName: '' }];
  return workflowActions.filter((action) => next(state, action, actor, { route: probeRoute, ...facts }).ok);
}
