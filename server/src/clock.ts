/** Every rule that depends on time asks the clock, so that tests can move time instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The real clock moved forward by a test (TEST_CLOCK_CONTROL); never in production. */
export class ShiftableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}

export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-03-02T01:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}

/** The calendar day in Beijing time (YYYY-MM-DD), which is what “每天” means to our users. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The instant the Beijing day of `at` began. */
export function startOfBeijingDay(at: Date): Date {
  return new Date(`${beijingDay(at)}T00:00:00+08:00`);
}

/** A moment as our users read it: Beijing date and time to the minute (2026-03-02 09:15). */
export function beijingMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
