import type { OrgKind, ReviewStage } from '../enums';

export const applicationStatuses = ['draft', 'inReview', 'returned', 'rejected', 'passed'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: '草稿',
  inReview: '审核中',
  returned: '返回修改',
  rejected: '审核不通过',
  passed: '审核通过',
};

export const workflowActions = ['submit', 'approve', 'reject', 'return', 'reset'] as const;
export type WorkflowAction = (typeof workflowActions)[number];
export const workflowActionLabels: Record<WorkflowAction, string> = {
  submit: '提交',
  approve: '通过',
  reject: '不通过',
  return: '返回修改',
  reset: '重置流程',
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
  | { kind: 'admin'; accountId: number };

export type WorkflowResult =
  | { ok: true; state: WorkflowState }
  | { ok: false; code: 'NOT_YOURS' | 'NOT_AT_YOUR_STAGE' | 'WRONG_STATE' | 'NO_ROUTE'; message: string };

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

const refuse = (code: Extract<WorkflowResult, { ok: false }>['code'], message: string): WorkflowResult => ({
  ok: false,
  code,
  message,
});

/**
 * The workflow as one pure function: what `action` by `actor` makes of `state`. The server runs it
 * inside the transaction that locks the application and writes the log row; the pages ask the
 * server for `abilities` instead of deciding for themselves.
 */
export function next(
  state: WorkflowState,
  action: WorkflowAction,
  actor: WorkflowActor,
  context: { route?: RouteStep[] } = {},
): WorkflowResult {
  if (action === 'submit') {
    if (actor.kind !== 'applicant' || !actor.owns) return refuse('NOT_YOURS', '只有申报人本人可以提交申报');
    if (state.status === 'draft') {
      const route = context.route ?? [];
      if (route.length === 0) return refuse('NO_ROUTE', '无法确定审核流程，请检查单位信息');
      return { ok: true, state: { ...state, status: 'inReview', stageIndex: 0, route, returnedFromIndex: null } };
    }
    if (state.status === 'returned' && state.returnedFromIndex !== null) {
      return {
        ok: true,
        state: { ...state, status: 'inReview', stageIndex: state.returnedFromIndex, returnedFromIndex: null },
      };
    }
    return refuse('WRONG_STATE', '当前状态不能提交');
  }

  if (state.status !== 'inReview') return refuse('WRONG_STATE', '当前状态不能审核');
  if (!holdsCurrentStage(state, actor)) return refuse('NOT_AT_YOUR_STAGE', '该申报不在您的审核环节');
  const index = state.stageIndex!;
  switch (action) {
    case 'approve': {
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

/** The actions `actor` may take on an application in `state` (submit assumes a route can be found). */
export function abilities(state: WorkflowState, actor: WorkflowActor): WorkflowAction[] {
  const probeRoute: RouteStep[] = [{ stage: 'unitReview', holder: 'unit', orgId: 0, orgName: '' }];
  return workflowActions.filter((action) => next(state, action, actor, { route: probeRoute }).ok);
}
