import { afterEach, describe, expect, it } from 'vitest';
import { BusyError } from '../../domain/app-error';
import { hashPassword, limitPasswordWork, verifyPassword } from './password-hasher';

afterEach(() => limitPasswordWork(0, 5));

describe('password hashing under load', () => {
  it('refuses a check with 系统繁忙 at once while the bound of checks under way is reached, not queueing it', async () => {
    const hashed = await hashPassword('Correct#2026pw');
    limitPasswordWork(2, 9);
    const underWay = [verifyPassword(hashed, 'Correct#2026pw'), verifyPassword(hashed, 'wrong')];
    const refused = await verifyPassword(hashed, 'Correct#2026pw').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BusyError);
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', statusCode: 503, retryAfterSeconds: 9 });
    expect(await Promise.all(underWay)).toEqual([true, false]);
    // The bound counts checks under way, not checks ever made.
    expect(await verifyPassword(hashed, 'Correct#2026pw')).toBe(true);
  });
});
