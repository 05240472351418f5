import type { AccountKind } from '#common';

/**
 * Wrong passwords and locks (manual §1.4, §7.1, §7.2): `maxFailures` wrong passwords in a row lock an
 * account. The first `temporaryRounds` locks lift by themselves after `temporaryMinutes`, so that a
 * stranger typing a clerk's name cannot shut them out on deadline day; after those the lock holds until
 * the unit or the platform unlocks it, as the manual has it. A good password ends the run.
 */
export interface LockoutRules {
  maxFailures: number;
  temporaryMinutes: number;
  temporaryRounds: number;
}

/** What is kept per account (and per unknown login name, so both answer alike). */
export interface LockState {
  failedCount: number;
  lockedAt: Date | null;
  /** When a temporary lock lifts; null while `lockedAt` is set: the lock holds until unlocked. */
  lockedUntil: Date | null;
  /** Temporary locks since the last good password. */
  lockRounds: number;
}

export type LockStatus = { state: 'open' } | { state: 'temporary'; until: Date } | { state: 'held' };

export const unlockedState: LockState = { failedCount: 0, lockedAt: null, lockedUntil: null, lockRounds: 0 };

export function lockStatus(s: LockState, now: Date): LockStatus {
  if (s.lockedAt === null) return { state: 'open' };
  if (s.lockedUntil === null) return { state: 'held' };
  return s.lockedUntil > now ? { state: 'temporary', until: s.lockedUntil } : { state: 'open' };
}

/**
 * One more wrong password on an open account: the state to store, and the lock it has just caused.
 * A lapsed temporary lock starts a new run of wrong passwords but keeps its round.
 */
export function afterWrongPassword(
  s: LockState,
  now: Date,
  rules: LockoutRules,
): { next: LockState; locked: Exclude<LockStatus, { state: 'open' }> | null } {
  const lapsed = s.lockedAt !== null;
  const failedCount = (lapsed ? 0 : s.failedCount) + 1;
  if (failedCount < rules.maxFailures) {
    return { next: { ...s, failedCount, lockedAt: null, lockedUntil: null }, locked: null };
  }
  const lockRounds = s.lockRounds + 1;
  if (lockRounds > rules.temporaryRounds) {
    return { next: { failedCount, lockedAt: now, lockedUntil: null, lockRounds }, locked: { state: 'held' } };
  }
  const until = new Date(now.getTime() + rules.temporaryMinutes * 60_000);
  return {
    next: { failedCount, lockedAt: now, lockedUntil: until, lockRounds },
    locked: { state: 'temporary', until },
  };
}

/**
 * Who to ask. An applicant's unit unlocks them, or the platform when they have none; the message names
 * both, because telling one from the other would tell a stranger that the ID number has an account.
 */
export function unlockers(kind: AccountKind): string {
  if (kind === 'applicant') return '联系单位进行解锁（未选择单位的请联系平台）';
  // An expert's committee office keeps its pool: its 重置密码 also unlocks.
  if (kind === 'expert') return '联系评委会办公室重置密码进行解锁';
  return '联系平台进行解锁';
}

const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

/** The answer to a login (or a 修改密码) on a locked account; `justNow` when this very try locked it. */
export function lockedMessage(
  kind: AccountKind,
  status: Exclude<LockStatus, { state: 'open' }>,
  now: Date,
  justNow: { maxFailures: number } | null,
): string {
  const cause = justNow ? `密码连续输错 ${justNow.maxFailures} 次，` : '';
  if (status.state === 'held') return `${cause}账号已锁定，请${unlockers(kind)}`;
  return `${cause}账号已锁定，请 ${minutesLeft(status.until, now)} 分钟后再试，或${unlockers(kind)}`;
}

/** `wrong`: what was wrong, in the words of the form (用户名或密码错误, 旧密码不正确). */
export function wrongPasswordMessage(wrong: string, failedCount: number, rules: LockoutRules): string {
  return `${wrong}，再输错 ${rules.maxFailures - failedCount} 次账号将被锁定`;
}

export interface Unlocker {
  kind: AccountKind;
  accountId: number;
  /** The unit a unit account speaks for. */
  unitId: number | null;
}

/** Whether `actor` may unlock `target`; `targetUnitId` is the unit an applicant belongs to. */
export function mayUnlock(actor: Unlocker, target: { kind: AccountKind }, targetUnitId: number | null): boolean {
  if (actor.kind === 'admin') return true;
  if (actor.kind === 'unit')
    return target.kind === 'applicant' && targetUnitId !== null && targetUnitId === actor.unitId;
  return false;
}
