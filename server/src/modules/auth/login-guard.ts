import type { AccountKind } from '#common';
import type { Executor } from '../../db/database';
import { cipherOf } from '../../db/personal-data';
import { AppError } from '../../domain/app-error';
import type { AuditActor } from '../../domain/actor';
import { appendAudit } from '../audit/audit.repository';
import { publish } from '../notifications/outbox.repository';
import { endSessionsOf } from './session.repository';
import { lockStateForUpdate, saveLockState, type LoginTarget } from './login-guard.repository';
import {
  afterWrongPassword,
  lockStatus,
  lockedMessage,
  unlockers,
  wrongPasswordMessage,
  type LockStatus,
  type LockoutRules,
} from './lockout.policy';

/** What a wrong password led to: the run so far, and the lock it has caused or found. */
export interface WrongPassword {
  failedCount: number;
  locked: Exclude<LockStatus, { state: 'open' }> | null;
  /** This password caused the lock (rather than a parallel one before it). */
  lockedNow: boolean;
}

/**
 * The key of a login name that has no account: the tab and the name as the login looks it up, under
 * the field hash key (what was typed may be an ID number, or a password typed in the wrong box).
 */
export function unknownNameKey(db: Executor, kind: AccountKind, username: string): string {
  const name = kind === 'unit' || kind === 'applicant' ? username.trim().toUpperCase() : username;
  return cipherOf(db).digest(`login\n${kind}\n${name}`);
}

/**
 * Counts a wrong password inside `trx`. When it locks a real account, the lock is audited, every
 * session of the account ends (whoever guesses from inside a session is out too) and the owner is told.
 */
export async function countWrongPassword(
  trx: Executor,
  who: { target: LoginTarget; kind: AccountKind; actor: AuditActor },
  now: Date,
  rules: LockoutRules,
): Promise<WrongPassword> {
  const current = await lockStateForUpdate(trx, who.target, now);
  // A parallel wrong password may have locked it since the caller looked: that lock stands, uncounted.
  const already = lockStatus(current, now);
  if (already.state !== 'open') return { failedCount: current.failedCount, locked: already, lockedNow: false };
  const { next, locked } = afterWrongPassword(current, now, rules);
  await saveLockState(trx, who.target, next, now);
  if (locked && 'accountId' in who.target) {
    const { accountId } = who.target;
    await endSessionsOf(trx, accountId, now);
    await publish(trx, now, {
      type: 'account.locked',
      accountId,
      lockedAt: now.toISOString(),
      lockedUntil: locked.state === 'temporary' ? locked.until.toISOString() : null,
      maxFailures: rules.maxFailures,
      unlockBy: unlockers(who.kind),
    });
    // Last: the audit chain's lock is held from here to the commit.
    await appendAudit(trx, who.actor, now, {
      action: 'account.lock',
      objectType: 'account',
      objectId: accountId,
      detail: {
        reason: 'tooManyWrongPasswords',
        failedCount: next.failedCount,
        round: next.lockRounds,
        lockedUntil: locked.state === 'temporary' ? locked.until.toISOString() : null,
      },
    });
  }
  return { failedCount: next.failedCount, locked, lockedNow: locked !== null };
}

/** The answer to a wrong password: the same words for a real account and for a name without one. */
export function wrongPasswordError(
  kind: AccountKind,
  outcome: WrongPassword,
  now: Date,
  rules: LockoutRules,
  wrong = '用户名或密码错误',
): AppError {
  if (outcome.locked) {
    const message = lockedMessage(kind, outcome.locked, now, outcome.lockedNow ? rules : null);
    return new AppError('ACCOUNT_LOCKED', message, lockDetails(outcome.locked));
  }
  return new AppError('CREDENTIALS_INVALID', wrongPasswordMessage(wrong, outcome.failedCount, rules), {
    attemptsLeft: rules.maxFailures - outcome.failedCount,
  });
}

/** The answer to any try on a locked account, right password or wrong. */
export function lockedError(kind: AccountKind, status: Exclude<LockStatus, { state: 'open' }>, now: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', lockedMessage(kind, status, now, null), lockDetails(status));
}

const lockDetails = (status: Exclude<LockStatus, { state: 'open' }>) =>
  status.state === 'temporary' ? { lockedUntil: status.until.toISOString() } : { lockedUntil: null };
