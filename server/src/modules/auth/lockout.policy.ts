import type { AccountKind, UnlockAuthority } from '#common';
import type { AccountRow } from '../../db/schema';

/**
 * Who unlocks whom (manual §1.4, §7.1, §7.2): the platform unlocks units, reviewers and admins; an
 * applicant is unlocked by the unit they chose, or by the platform when they have none.
 */
export function unlockAuthority(kind: AccountKind, applicantUnitId: number | null): UnlockAuthority {
  return kind === 'applicant' && applicantUnitId !== null ? 'unit' : 'platform';
}

export function lockedMessage(authority: UnlockAuthority): string {
  return authority === 'unit' ? '账号已锁定，请联系单位进行解锁' : '账号已锁定，请联系平台进行解锁';
}

export interface Unlocker {
  kind: AccountKind;
  accountId: number;
  /** The unit a unit account speaks for. */
  unitId: number | null;
}

/** Whether `actor` may unlock `target`; `targetUnitId` is the unit an applicant belongs to. */
export function mayUnlock(actor: Unlocker, target: Pick<AccountRow, 'kind'>, targetUnitId: number | null): boolean {
  if (actor.kind === 'admin') return true;
  if (actor.kind === 'unit')
    return target.kind === 'applicant' && targetUnitId !== null && targetUnitId === actor.unitId;
  return false;
}
