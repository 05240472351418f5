import type { RouteStep } from '#common';
import type { Actor } from '../domain/actor';

/** What a rule needs to know of one row of an application's 审核记录. */
export interface ReviewLogSubject {
  org_kind: string | null;
  org_id: number | null;
  state_after: Record<string, unknown>;
}

/**
 * Which rows of an application's 审核记录 an actor reads. A unit reads the part of the history the
 * application spent with it: its own decisions, and the steps taken while its route ran through the
 * unit. After a 重置流程 and a change of unit the new unit does not read the old unit's decisions, and
 * the old one keeps its own. Everyone else who may see the application reads all of it.
 */
export function readsLogRow(actor: Actor, row: ReviewLogSubject): boolean {
  if (actor.kind !== 'unit') return true;
  if (row.org_kind === 'unit' && row.org_id === actor.unitId) return true;
  const route = (row.state_after.route ?? null) as RouteStep[] | null;
  return route?.some((step) => step.holder === 'unit' && step.orgId === actor.unitId) ?? false;
}
