// Engagement events happen somewhere in the UK: people give their dates and times as
// the clocks there read (GMT in winter, BST in summer), and read them back the same way,
// wherever their own device thinks it is.
import { isCalendarDate } from '../../calendar-dates';

const UK = 'Europe/London';
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK,
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A 24-hour clock time, "14:30", as a time input gives it. */
export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** What UK clocks read at an instant: a calendar date and a 24-hour time. */
export function ukClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Minutes UK clocks are ahead of UTC at an instant: 0 in winter, 60 in summer. */
function ukOffsetMinutes(instant: Date): number {
  const { date, time } = ukClock(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant, as ISO 8601, when UK clocks read this date and time; undefined when
 * either is not real. In the hour skipped when the clocks go forward, the time is read
 * as the winter time it would have been (01:30 on that day is 02:30 BST).
 */
export function ukDateTimeToIso(date: string, time: string): string | undefined {
  if (!isCalendarDate(date) || !isClockTime(time)) return undefined;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guess is right except within an hour of a change; a second look settles it.
  let instant = asUtc - ukOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - ukOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as the date and time fields of a form show it, in UK time. */
export function isoToUkFields(iso: string | null | undefined): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return { date: '', time: '' };
  return ukClock(instant);
}

function parse(iso: string): Date | undefined {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** "14 June 2025", the day in the UK. */
export function formatUkDate(iso: string): string {
  const instant = parse(iso);
  return instant ? dateFormat.format(instant) : 'Unknown date';
}

/** "2:30pm", as UK clocks read. */
export function formatUkTime(iso: string): string {
  const instant = parse(iso);
  return instant ? timeFormat.format(instant).replace(/\s/g, '').toLowerCase() : 'Unknown time';
}

/** "14 June 2025 at 2:30pm", as UK clocks read. */
export function formatUkDateTime(iso: string): string {
  const instant = parse(iso);
  return instant ? `${formatUkDate(iso)} at ${formatUkTime(iso)}` : 'Unknown time';
}

/**
 * When an event ran, in one phrase: "14 June 2025, 2:30pm to 4pm", or across days
 * "3 March 2025 at 9am to 28 March 2025 at 5pm".
 */
export function formatEventTime(startsAt: string, endsAt: string | null): string {
  if (!endsAt || !parse(endsAt)) return formatUkDateTime(startsAt);
  if (formatUkDate(startsAt) === formatUkDate(endsAt)) {
    return `${formatUkDate(startsAt)}, ${formatUkTime(startsAt)} to ${formatUkTime(endsAt)}`;
  }
  return `${formatUkDateTime(startsAt)} to ${formatUkDateTime(endsAt)}`;
}

/** "June 2025" for the report's `YYYY-MM`. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
