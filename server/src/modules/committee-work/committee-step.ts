import type { StageDecider, WorkflowAction } from '#common';
import type { Clock } from '../../clock';
import type { Executor } from '../../db/database';
import type { Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { lockApplication } from '../applications/application.repository';
import { transition } from '../applications/workflow-runner';

/**
 * A step the committee's work takes on an application (the meeting's result, the end of the 公示, an
 * upheld objection, the bureau's 确认): through the one workflow runner, in the caller's transaction, at
 * the version it holds now — the work itself is what the office saw and decided.
 */
export async function committeeStep(
  trx: Executor,
  clock: Clock,
  step: { applicationId: number; action: WorkflowAction; actor: Actor; opinion: string; decider: StageDecider },
) {
  const row = await lockApplication(trx, step.applicationId);
  if (!row) throw notFound('申报不存在');
  return transition(trx, clock, { ...step, seenVersion: row.version });
}
