import {
  currentStep,
  next,
  type ErrorCode,
  type StageDecider,
  type WorkflowAction,
  type WorkflowRefusal,
} from '#common';
import type { Clock } from '../../clock';
import type { Executor } from '../../db/database';
import { deskOrg, workflowActor, type Actor } from '../../domain/actor';
import { AppError, notFound } from '../../domain/app-error';
import { may, stateOf } from '../../policies/application';
import { appendAudit } from '../audit/audit.repository';
import { publish } from '../notifications/outbox.repository';
import { appendLogEntry, hasParticipated, type LogEntry } from '../review/review-log.repository';
import { findUnit } from '../units/unit.repository';
import { coverOf } from './application-cover';
import { computeRoute } from './application-route';
import {
  applicantOf,
  findBatchWindow,
  lockApplication,
  writeState,
  type ApplicationRow,
} from './application.repository';

/** How each refusal of the workflow is answered: a step that came too late for the state is a conflict. */
const refusalErrors: Record<WorkflowRefusal, ErrorCode> = {
  NOT_YOURS: 'FORBIDDEN',
  NOT_SUBMITTABLE: 'RULE_VIOLATED',
  NOT_AT_YOUR_STAGE: 'CONFLICT',
  WRONG_STATE: 'CONFLICT',
  NO_ROUTE: 'RULE_VIOLATED',
  UNIT_OPINION_MISSING: 'RULE_VIOLATED',
  BATCH_NOT_OPEN: 'RULE_VIOLATED',
  BATCH_CLOSED: 'RULE_VIOLATED',
  CORRECTION_CLOSED: 'RULE_VIOLATED',
  DECIDED_ELSEWHERE: 'RULE_VIOLATED',
};

const staleMessages = {
  submit: '申报内容已在其他页面修改，请刷新后再提交',
  decision: '该申报已发生变化（可能已被他人审核），请刷新后查看最新状态',
};

export interface TransitionCommand {
  applicationId: number;
  /** The version the page showed; a step on an application changed since is refused. */
  seenVersion: number;
  action: WorkflowAction;
  actor: Actor;
  opinion: string;
  /** Who decides: a desk (the default), or the committee's meeting, 公示 or the bureau's 确认. */
  decider?: StageDecider;
}

/** Who the log names for a step, and what the row gains beside its state. */
async function prepareStep(trx: Executor, row: ApplicationRow, command: TransitionCommand, now: Date) {
  const { actor, action } = command;
  const person = await applicantOf(trx, row.applicant_account_id);
  if (action !== 'submit') {
    if (actor.kind !== 'unit' && actor.kind !== 'reviewer') throw notFound('申报不存在');
    // 重置流程 sends everything back: the cover is rebuilt and the unit writes 表十二 again.
    const extra = action === 'reset' ? { cover: null, unit_opinion: null } : {};
    return {
      by: { actorName: actor.displayName, ...deskOrg(actor) },
      extra,
      route: undefined,
      applicantName: person?.name ?? '',
    };
  }
  // A draft goes to the person's unit as it is now (it may have changed since the draft began).
  const unitId = row.status === 'draft' ? (person?.unit_id ?? null) : row.unit_id;
  const unit = unitId === null ? undefined : await findUnit(trx, unitId);
  if (!person || !unit) throw new AppError('RULE_VIOLATED', '请先在【个人信息】中选择工作单位');
  const draft = row.status === 'draft';
  const route = draft ? await computeRoute(trx, { kind: row.kind, unit, committeeId: row.committee_id }) : undefined;
  const cover = draft ? await coverOf(trx, { ...row, unit_id: unit.id, submitted_at: now }, now) : row.cover;
  return {
    by: { actorName: person.name, orgKind: 'applicant' as const, orgId: row.applicant_account_id, orgName: unit.name },
    // The latest submission: after 返回修改 or 重置流程 it is new work at the desk, which lists by it.
    extra: { unit_id: unit.id, cover: JSON.stringify(cover), submitted_at: now },
    route,
    applicantName: person.name,
  };
}

/**
 * The one way an application changes state: it locks the row, checks who may and the version the page
 * saw, runs the pure workflow with every fact it needs (the route, 表十二, the batch's deadlines), and
 * writes the new state, the 审核记录 row, the audit row and the notice event, all in the caller's
 * transaction. Every state change goes through here: submissions, decisions, and the committee's.
 */
export async function transition(trx: Executor, clock: Clock, command: TransitionCommand) {
  const { actor, action, applicationId } = command;
  const row = await lockApplication(trx, applicationId);
  const right = action === 'submit' ? 'submit' : 'tryDecision';
  const desk = actor.kind === 'unit' || actor.kind === 'reviewer' ? deskOrg(actor) : null;
  const participated = row && desk ? await hasParticipated(trx, row.id, desk.orgKind, desk.orgId) : false;
  // An application the actor may not touch looks exactly like a missing one, whatever its version.
  if (!row || !may(actor, right, { row, participated })) throw notFound('申报不存在');
  if (row.version !== command.seenVersion) {
    throw new AppError('CONFLICT', action === 'submit' ? staleMessages.submit : staleMessages.decision);
  }

  const now = clock.now();
  const step = await prepareStep(trx, row, command, now);
  const batch = row.batch_id ? await findBatchWindow(trx, row.batch_id) : undefined;
  const moved = next(stateOf(row), action, workflowActor(actor, row.applicant_account_id), {
    route: step.route,
    unitOpinionSaved: row.unit_opinion !== null && row.unit_opinion !== '',
    now,
    decider: command.decider,
    batch: batch
      ? { opensAt: batch.opens_at, closesAt: batch.closes_at, correctionClosesAt: batch.correction_closes_at }
      : null,
  });
  if (!moved.ok) throw new AppError(refusalErrors[moved.code], moved.message);

  const state = moved.state;
  const updated = await writeState(trx, row, state, now, step.extra);
  const stageBefore = currentStep(stateOf(row))?.stage ?? null;
  const stepAfter = currentStep(state);
  const entry: LogEntry = {
    applicationId: row.id,
    // The stage the step was taken at: for a decision the stage it was at before, for a submission none.
    stage: action === 'submit' ? null : stageBefore,
    action,
    actorAccountId: actor.accountId,
    ...step.by,
    opinion: command.opinion,
    stateAfter: state,
    at: now,
  };
  await appendLogEntry(trx, entry);
  await appendAudit(trx, actor, now, {
    action: `application.${action}`,
    objectType: 'application',
    objectId: row.id,
    detail:
      action === 'submit'
        ? { stage: stepAfter?.stage }
        : { stage: stageBefore, status: state.status, opinion: command.opinion },
  });
  const { applicantName } = step;
  await publish(
    trx,
    now,
    action === 'submit'
      ? {
          type: 'application.submitted',
          applicationId: row.id,
          applicantAccountId: row.applicant_account_id,
          applicantName,
          step: stepAfter!,
        }
      : {
          type: 'application.decided',
          applicationId: row.id,
          applicantAccountId: row.applicant_account_id,
          applicantName,
          action,
          opinion: command.opinion,
          decidedBy: command.decider ?? 'desk',
          decider: { accountId: actor.accountId, kind: actor.kind === 'unit' ? 'unit' : 'reviewer' },
          orgName: step.by.orgName,
          nextStep: stepAfter,
        },
  );
  return updated;
}
