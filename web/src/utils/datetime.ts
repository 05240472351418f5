const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Beijing time, "YYYY-MM-DD HH:mm". */
export function formatBeijingMinute(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

/** Beijing time, "YYYY-MM-DD HH:mm:ss". */
export function formatBeijingSecond(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}` : '';
}

/** A Beijing wall-clock time "YYYY-MM-DD HH:mm:ss" (as a date picker gives it) as an ISO instant with +08:00. */
export function beijingToIso(wallClock: string): string {
  return `${wallClock.trim().replace(' ', 'T')}+08:00`;
}

/** Today in Beijing, "YYYY-MM-DD": the day the 提交前检查 measures dates of the past against. */
export function beijingToday(): string {
  return formatBeijingMinute(new Date().toISOString()).slice(0, 10);
}
