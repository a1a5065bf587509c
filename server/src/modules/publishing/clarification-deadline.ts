/** The calendar day it is now in the UK, YYYY-MM-DD. */
export function ukToday(now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** Questions are open until the end of the deadline day, UK time; with no deadline, always. */
export function questionsOpen(deadline: string | null, now = new Date()): boolean {
  return deadline === null || ukToday(now) <= deadline;
}

/** "29 January 2027", for messages. */
export function dayInWords(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, date!)),
  );
}

/** Whether a YYYY-MM-DD names a day that exists (not 31 February). */
export function isRealDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  const parsed = new Date(Date.UTC(year!, month! - 1, date!));
  return (
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month! - 1 &&
    parsed.getUTCDate() === date
  );
}
