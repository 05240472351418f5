import { abilities, currentStep, type WorkflowAction, type WorkflowState } from '#common';
import { workflowActor, type Actor } from '../domain/actor';
import type { ApplicationRow } from '../modules/applications/application.repository';

/** What a rule needs to know of an application, beyond its row. */
export interface ApplicationSubject {
  row: ApplicationRow;
  /** For an expert: whether it is on the agenda of a meeting the expert attends while its vote is open. */
  onExpertAgenda?: boolean;
  /** Whether the actor's desk has decided on it before: it keeps seeing it, after a 重置流程 too. */
  participated: boolean;
}

/** The columns that hold an application's workflow state. */
export type StateColumns = Pick<
  ApplicationRow,
  'status' | 'stage_index' | 'route' | 'returned_from_index' | 'return_count'
>;

export const stateOf = (row: StateColumns): WorkflowState => ({
  status: row.status,
  stageIndex: row.stage_index,
  route: row.route,
  returnedFromIndex: row.returned_from_index,
  returnCount: row.return_count,
});

const owns = (actor: Actor, { row }: ApplicationSubject) =>
  actor.kind === 'applicant' && row.applicant_account_id === actor.accountId;

/** Whether the application has reached the actor's desk, now or before. */
function reachedDesk(actor: Actor, { row }: ApplicationSubject): boolean {
  if (actor.kind !== 'reviewer' && actor.kind !== 'unit') return false;
  if (!row.route || row.stage_index === null) return false;
  const reached = row.stage_index;
  const [holder, orgId] = actor.kind === 'unit' ? ['unit', actor.unitId] : [actor.orgKind, actor.orgId];
  return row.route.some((step, index) => index <= reached && step.holder === holder && step.orgId === orgId);
}

/** Whether the unit has passed the application on: its route runs on beyond the unit's step, or it passed. */
function passedUnit(row: ApplicationRow): boolean {
  if (row.status === 'passed') return true;
  if (!row.route || row.stage_index === null || row.status === 'draft') return false;
  const unitStep = row.route.findIndex((step) => step.holder === 'unit');
  return unitStep !== -1 && row.stage_index > unitStep;
}

/**
 * Who may do what with an application, one rule a line. The routes, the workflow runner and the
 * `abilities` the pages get all ask here. Nobody else sees an application, the admin included: a
 * refusal to see answers exactly as a missing application does.
 */
export const applicationPolicy = {
  /**
   * Its applicant; a unit or reviewer it has reached or who has decided on it. Not its unit as such: after
   * a 重置流程 the applicant may choose another unit, which sees nothing until the application is
   * submitted to it, while the unit that decided keeps its records.
   */
  view: (actor, subject) => {
    switch (actor.kind) {
      case 'applicant':
        return owns(actor, subject);
      case 'unit':
      case 'reviewer':
        return subject.participated || reachedDesk(actor, subject);
      case 'expert':
        return subject.onExpertAgenda === true;
      case 'admin':
        return false;
    }
  },
  /** The desks that may try a decision (the workflow then says whether it is theirs now). */
  tryDecision: (actor, subject) =>
    (actor.kind === 'unit' || actor.kind === 'reviewer') && (subject.participated || reachedDesk(actor, subject)),
  /** 申报信息 and the cover: only a draft (a new one, or after 重置流程). */
  editChoices: (actor, subject) => owns(actor, subject) && subject.row.status === 'draft',
  /** The tables and attachments: a draft, or an application returned for correction. */
  editTables: (actor, subject) =>
    owns(actor, subject) && (subject.row.status === 'draft' || subject.row.status === 'returned'),
  /** The applicant's own application: 提交前检查, 提交, and the edits whose state rules come after. */
  own: owns,
  submit: owns,
  /**
   * 基层意见 (表十二) is the unit's, written while it holds the application. The unit reads it once
   * submitted, the desks above it as soon as the application reaches them, the applicant once the
   * unit has passed it on (not while the unit is still writing).
   */
  readUnitOpinion: (actor, subject) => {
    switch (actor.kind) {
      case 'unit':
      case 'reviewer':
        return subject.participated || reachedDesk(actor, subject);
      case 'applicant':
        return owns(actor, subject) && passedUnit(subject.row);
      case 'expert':
        return subject.onExpertAgenda === true;
      case 'admin':
        return false;
    }
  },
  writeUnitOpinion: (actor, { row }) =>
    actor.kind === 'unit' && row.holder_kind === 'unit' && row.holder_org_id === actor.unitId,
} satisfies Record<string, (actor: Actor, subject: ApplicationSubject) => boolean>;

export type ApplicationRight = keyof typeof applicationPolicy;

export const may = (actor: Actor, right: ApplicationRight, subject: ApplicationSubject): boolean =>
  applicationPolicy[right](actor, subject);

/** The workflow actions the actor may take now, with the facts the workflow checks (表十二). */
export function workflowAbilities(actor: Actor, row: ApplicationRow): WorkflowAction[] {
  return abilities(stateOf(row), workflowActor(actor, row.applicant_account_id), {
    unitOpinionSaved: row.unit_opinion !== null && row.unit_opinion !== '',
  });
}

export const stepNow = (row: StateColumns) => currentStep(stateOf(row));
