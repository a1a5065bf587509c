import type { CalendarDate, VersionSummary } from '@coproduce/domain';
import { calendarInstant } from '../../calendar-dates';

// A calendar day names no instant: format it in UTC so no time zone moves it a day.
const calendarFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

// en-CA writes dates as YYYY-MM-DD, the contract's calendar dates.
const ukDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
});

/** "12 January 2027", as NHS.UK writes dates. */
export function formatCalendarDate(date: CalendarDate): string {
  const instant = calendarInstant(date);
  return instant ? calendarFormat.format(instant) : 'Unknown date';
}

/** Today in the UK, as a calendar date: deadlines end at midnight UK time. */
export function ukToday(now: Date = new Date()): CalendarDate {
  return ukDayFormat.format(now);
}

function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = calendarInstant(from);
  const end = calendarInstant(to);
  if (!start || !end) return 0;
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/**
 * What a provider is told about asking questions on a version. The server decides
 * (`acceptingQuestions`, and it refuses a late question itself); this only words it.
 */
export function questionDeadlineMessage(
  version: Pick<VersionSummary, 'clarificationDeadline' | 'acceptingQuestions' | 'withdrawn'>,
  today: CalendarDate = ukToday(),
): string {
  const deadline = version.clarificationDeadline;
  if (version.withdrawn) {
    return 'This version has been withdrawn, so you cannot ask questions about it. Read the newest version instead.';
  }
  if (!version.acceptingQuestions) {
    return deadline
      ? `Questions on this version closed at the end of ${formatCalendarDate(deadline)}.`
      : 'Questions on this version are closed.';
  }
  if (!deadline) return 'You can ask questions about this version. There is no deadline.';
  const days = daysBetween(today, deadline);
  return `You can ask questions until the end of ${formatCalendarDate(deadline)} (${inDays(Math.max(days, 0))}).`;
}
