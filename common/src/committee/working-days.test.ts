import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days (工作日) of the 2026 calendar', () => {
  it('knows the holidays and the weekend days worked in lieu', () => {
    expect(isWorkingDay('2026-06-01')).toBe(true); // a Monday
    expect(isWorkingDay('2026-06-06')).toBe(false); // a Saturday
    // 国庆节 and 中秋节: 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked.
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-05')).toBe(false); // a Monday inside the holiday
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    // 春节: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked.
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false); // a Monday inside the holiday
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // 元旦: Friday 01-02 off, Sunday 01-04 worked.
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2026-01-04')).toBe(true);
  });

  it('counts a 公示期 from the day it is published, when that is a working day', () => {
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-01');
    expect(addWorkingDays('2026-06-01', 5)).toBe('2026-06-05'); // Monday to Friday
    expect(addWorkingDays('2026-06-03', 5)).toBe('2026-06-09'); // over a weekend
    // Published on a Saturday: the count starts on Monday.
    expect(addWorkingDays('2026-06-06', 1)).toBe('2026-06-08');
    expect(addWorkingDays('2026-06-06', 5)).toBe('2026-06-12');
  });

  it('steps over 国庆节 and counts Saturday 10-10', () => {
    // 09-28, 09-29, 09-30, then 10-08, 10-09.
    expect(addWorkingDays('2026-09-28', 5)).toBe('2026-10-09');
    // … 10-10 (worked Saturday) is the 6th, Monday 10-12 the 7th.
    expect(addWorkingDays('2026-09-28', 6)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-28', 7)).toBe('2026-10-12');
    // Published during the holiday: the first working day after it is the first day.
    expect(addWorkingDays('2026-10-01', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-03', 3)).toBe('2026-10-10');
    // Published on Saturday 09-19: Sunday 09-20 is worked, so it is the first day.
    expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 2)).toBe('2026-09-20');
  });

  it('steps over 春节 and counts Saturdays 02-14 and 02-28', () => {
    // 02-12, 02-13, 02-14 (worked Saturday), then 02-24, 02-25.
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-25');
    expect(addWorkingDays('2026-02-15', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-26', 3)).toBe('2026-02-28');
  });

  it('counts the working days between two dates, both counted', () => {
    expect(workingDaysBetween('2026-06-01', '2026-06-05')).toBe(5);
    expect(workingDaysBetween('2026-06-01', '2026-06-01')).toBe(1);
    expect(workingDaysBetween('2026-06-06', '2026-06-07')).toBe(0);
    expect(workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
    expect(workingDaysBetween('2026-09-28', '2026-10-12')).toBe(7);
    // 02-09 … 02-13 (5), 02-14 (1), 02-24 … 02-27 (4), 02-28 (1).
    expect(workingDaysBetween('2026-02-09', '2026-02-28')).toBe(11);
    expect(workingDaysBetween('2026-06-05', '2026-06-01')).toBe(0);
  });

  it('agrees with itself: the period that ends on addWorkingDays(d, n) holds n working days', () => {
    const day = fc
      .integer({ min: 0, max: 364 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(start, end)).toBe(n);
      }),
    );
  });

  it('refuses what is not a date or not a count of days', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2026/10/01')).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-10-01', 'soon')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-01', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
  });
});
