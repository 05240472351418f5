import { describe, expect, it } from 'vitest';
import { lockedMessage, mayUnlock, unlockAuthority } from './lockout.policy';

describe('who unlocks whom (manual §1.4, §7.1, §7.2)', () => {
  it('sends a locked unit, reviewer or admin to the platform', () => {
    for (const kind of ['unit', 'reviewer', 'admin'] as const) expect(unlockAuthority(kind, null)).toBe('platform');
    expect(lockedMessage('platform')).toBe('账号已锁定，请联系平台进行解锁');
  });

  it('sends a locked applicant to their unit, or to the platform when they have none', () => {
    expect(unlockAuthority('applicant', 7)).toBe('unit');
    expect(lockedMessage('unit')).toBe('账号已锁定，请联系单位进行解锁');
    expect(unlockAuthority('applicant', null)).toBe('platform');
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
