import type { AccountKind, OrgKind, WorkflowActor } from '#common';
import { forbidden } from './app-error';

interface SignedIn {
  accountId: number;
  displayName: string;
  ip: string | null;
}

/**
 * Whom a signed-in request speaks for, resolved once per request by the guard: a person, a unit (with
 * the unit it is), a reviewer (with the organisation it works for) or the platform's admin.
 */
export type ApplicantActor = SignedIn & { kind: 'applicant' };
export type UnitActor = SignedIn & { kind: 'unit'; unitId: number; unitName: string };
export type ReviewerActor = SignedIn & { kind: 'reviewer'; orgKind: OrgKind; orgId: number; orgName: string };
export type AdminActor = SignedIn & { kind: 'admin' };
/** 评审专家: a member of one committee's pool. */
export type ExpertActor = SignedIn & { kind: 'expert'; committeeId: number; committeeName: string };
export type Actor = ApplicantActor | UnitActor | ReviewerActor | AdminActor | ExpertActor;
export type ActorOf<K extends AccountKind> = Extract<Actor, { kind: K }>;

/** A desk: an actor that decides on applications (a unit or a reviewer's organisation). */
export type DeskActor = UnitActor | ReviewerActor;

/** Who is written into the audit trail: an actor, a visitor not signed in, or the system itself. */
export interface AuditActor {
  accountId: number | null;
  kind: AccountKind | 'anonymous' | 'system';
  ip: string | null;
}

export const systemActor: AuditActor = { accountId: null, kind: 'system', ip: null };
export const anonymousActor = (ip: string | null): AuditActor => ({ accountId: null, kind: 'anonymous', ip });

/** Only units and reviewers work at a desk (申报审核, 审核记录, 导出评审名单). */
export function deskActor(actor: Actor): DeskActor {
  if (actor.kind !== 'unit' && actor.kind !== 'reviewer') throw forbidden('只有单位和审核用户有审核权限');
  return actor;
}

/** The organisation a desk actor speaks for, as the review log and the desks name it. */
export function deskOrg(actor: DeskActor): { orgKind: 'unit' | OrgKind; orgId: number; orgName: string } {
  return actor.kind === 'unit'
    ? { orgKind: 'unit', orgId: actor.unitId, orgName: actor.unitName }
    : { orgKind: actor.orgKind, orgId: actor.orgId, orgName: actor.orgName };
}

/** The actor as the pure workflow of `common/` sees it (`owns` is whether an applicant owns the application). */
export function workflowActor(actor: Actor, applicantAccountId?: number): WorkflowActor {
  switch (actor.kind) {
    case 'applicant':
      return { kind: 'applicant', accountId: actor.accountId, owns: applicantAccountId === actor.accountId };
    case 'unit':
      return { kind: 'unit', accountId: actor.accountId, unitId: actor.unitId };
    case 'reviewer':
      return { kind: 'reviewer', accountId: actor.accountId, orgKind: actor.orgKind, orgId: actor.orgId };
    case 'admin':
      return { kind: 'admin', accountId: actor.accountId };
    case 'expert':
      return { kind: 'expert', accountId: actor.accountId };
  }
}
