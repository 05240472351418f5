import { describe, expect, it } from 'vitest';
import {
  afterWrongPassword,
  lockStatus,
  lockedMessage,
  mayUnlock,
  unlockedState,
  type LockState,
} from './lockout.policy';

const rules = { maxFailures: 5, temporaryMinutes: 15, temporaryRounds: 2 };
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1, minutes));

function wrongPasswords(state: LockState, times: number, now: Date) {
  let s = state;
  let locked = null;
  for (let i = 0; i < times; i++) ({ next: s, locked } = afterWrongPassword(s, now, rules));
  return { state: s, locked };
}

describe('wrong passwords and locks', () => {
  it('locks at the fifth wrong password in a row, for fifteen minutes, and opens again by itself', () => {
    const four = wrongPasswords(unlockedState, 4, at(0));
    expect(four.locked).toBeNull();
    expect(lockStatus(four.state, at(0))).toEqual({ state: 'open' });
    const five = wrongPasswords(four.state, 1, at(1));
    expect(five.locked).toEqual({ state: 'temporary', until: at(16) });
    expect(lockStatus(five.state, at(15))).toEqual({ state: 'temporary', until: at(16) });
    expect(lockStatus(five.state, at(16))).toEqual({ state: 'open' });
  });

  it('starts a new run after a lapsed lock, and holds the lock after the temporary rounds', () => {
    const first = wrongPasswords(unlockedState, 5, at(0));
    const afterLapse = wrongPasswords(first.state, 1, at(20));
    expect(afterLapse.state.failedCount).toBe(1);
    expect(lockStatus(afterLapse.state, at(20))).toEqual({ state: 'open' });
    const second = wrongPasswords(afterLapse.state, 4, at(20));
    expect(second.locked?.state).toBe('temporary');
    const third = wrongPasswords(second.state, 5, at(40));
    expect(third.locked).toEqual({ state: 'held' });
    expect(lockStatus(third.state, at(60 * 24 * 30))).toEqual({ state: 'held' });
  });

  it('holds at once when no temporary rounds are allowed (the manual as written)', () => {
    const { locked } = (() => {
      let s = unlockedState;
      let l = null;
      for (let i = 0; i < 5; i++)
        ({ next: s, locked: l } = afterWrongPassword(s, at(0), { ...rules, temporaryRounds: 0 }));
      return { locked: l };
    })();
    expect(locked).toEqual({ state: 'held' });
  });
});

describe('who unlocks whom (manual §1.4, §7.1, §7.2)', () => {
  it('sends a unit, reviewer or admin to the platform, and an applicant to the unit or else the platform', () => {
    for (const kind of ['unit', 'reviewer', 'admin'] as const) {
      expect(lockedMessage(kind, { state: 'held' }, at(0), null)).toBe('账号已锁定，请联系平台进行解锁');
    }
    expect(lockedMessage('applicant', { state: 'held' }, at(0), null)).toBe(
      '账号已锁定，请联系单位进行解锁（未选择单位的请联系平台）',
    );
    expect(lockedMessage('unit', { state: 'temporary', until: at(15) }, at(1), { maxFailures: 5 })).toBe(
      '密码连续输错 5 次，账号已锁定，请 14 分钟后再试，或联系平台进行解锁',
    );
  });

  it('lets the admin unlock anyone, a unit only its own applicants, and nobody else anything', () => {
    const admin = { kind: 'admin' as const, accountId: 1, unitId: null };
    const unit = { kind: 'unit' as const, accountId: 2, unitId: 7 };
    const reviewer = { kind: 'reviewer' as const, accountId: 3, unitId: null };
    expect(mayUnlock(admin, { kind: 'unit' }, null)).toBe(true);
    expect(mayUnlock(admin, { kind: 'applicant' }, 7)).toBe(true);
    expect(mayUnlock(unit, { kind: 'applicant' }, 7)).toBe(true);
    expect(mayUnlock(unit, { kind: 'applicant' }, 8)).toBe(false);
    expect(mayUnlock(unit, { kind: 'applicant' }, null)).toBe(false);
    expect(mayUnlock(unit, { kind: 'unit' }, null)).toBe(false);
    expect(mayUnlock(reviewer, { kind: 'applicant' }, 7)).toBe(false);
  });
});
