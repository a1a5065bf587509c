const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** A moment as people in England read it: "4 December 2026 at 10:15", UK time. */
export function ukDateTime(date: Date): string {
  return UK_DATE_TIME.format(date);
}

const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** How far UK time is ahead of UTC at a moment: 0 (GMT) or an hour (BST). */
function ukOffsetMs(at: number): number {
  const parts = Object.fromEntries(
    LONDON_WALL_CLOCK.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
  const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return wallClock - Math.floor(at / 60_000) * 60_000;
}

/** Whether `day` is YYYY-MM-DD and a day that exists (not 30 February). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const made = new Date(Date.UTC(year, month - 1, date));
  return (
    made.getUTCFullYear() === year && made.getUTCMonth() === month - 1 && made.getUTCDate() === date
  );
}

/**
 * The moment a day in the UK (YYYY-MM-DD, which must be a calendar day) begins. The
 * clocks change at 01:00 UTC, so the offset at that day's UTC midnight is the one in force
 * at its UK midnight.
 */
export function startOfUkDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  return new Date(utcMidnight - ukOffsetMs(utcMidnight));
}

/** The moment the UK day after `day` begins: the end of `day`, not included. */
export function endOfUkDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return startOfUkDay(next);
}
