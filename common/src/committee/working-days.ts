import chineseDays from 'chinese-days';

/**
 * Working days (工作日) for the committee's deadlines, 公示期 first: Monday to Friday, less the public
 * holidays the State Council publishes each year, plus the weekend days worked in lieu (调休上班, e.g.
 * Saturday 2026-10-10). The holidays come from the npm package `chinese-days`; for a year it does not
 * know yet, every Monday to Friday counts, so update the package once the next year's schedule is out.
 *
 * Dates are 'YYYY-MM-DD' days of the Beijing calendar, as the notices print them: no time, no zone.
 */

// The package is CommonJS for Node and ESM for the web's bundler: its default export is both.
const { isWorkday } = chineseDays;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The date as UTC midnight, refusing what is not a real 'YYYY-MM-DD' day (2026-02-30). */
function dayOf(date: string): Date {
  const at = new Date(`${date}T00:00:00Z`);
  if (!dayPattern.test(date) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date)
    throw new RangeError(`不是有效的日期：${date}`);
  return at;
}

const nextDay = (at: Date) => new Date(at.getTime() + 86_400_000);
const text = (at: Date) => at.toISOString().slice(0, 10);

export function isWorkingDay(date: string): boolean {
  dayOf(date);
  return isWorkday(date);
}

/**
 * The date of the `days`-th working day of a period that starts on `start`, the start day counted
 * when it is a working day itself: a 公示 runs from the day it is published, so one published on
 * Monday 2026-06-01 for 5 working days ends on Friday 2026-06-05; one published on a Saturday (or a
 * holiday) starts counting on the next working day. `days` is 1 or more.
 */
export function addWorkingDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`工作日天数应为正整数：${days}`);
  let at = dayOf(start);
  let counted = 0;
  for (;;) {
    if (isWorkday(text(at)) && ++counted === days) return text(at);
    at = nextDay(at);
  }
}

/** How many working days lie from `from` to `to`, both counted; 0 when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const end = dayOf(to);
  let count = 0;
  for (let at = dayOf(from); at <= end; at = nextDay(at)) if (isWorkday(text(at))) count++;
  return count;
}
