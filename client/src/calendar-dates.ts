import type { CalendarDate } from '@coproduce/domain';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a calendar date (YYYY-MM-DD), or undefined when it is no real day. */
export function calendarInstant(date: CalendarDate): Date | undefined {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number);
  const instant = new Date(Date.UTC(year!, month! - 1, day!));
  // 2027-02-30 rolls over to March: not a real day.
  return instant.getUTCMonth() === month! - 1 && instant.getUTCDate() === day ? instant : undefined;
}

export function isCalendarDate(value: string): boolean {
  return calendarInstant(value) !== undefined;
}

/** What a person typed into the day, month and year boxes of an NHS.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PART_NAMES = ['day', 'month', 'year'] as const;

/**
 * The boxes as a form keeps them, in one string: "" when all are empty, the calendar date
 * (YYYY-MM-DD) when they read as one (a day and month of one or two digits, a year of
 * four), else what was typed as "year-month-day", which no check takes for a date and
 * from which `dateEntryProblem` can tell what is missing.
 */
export function joinDateParts(parts: DateParts): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return '';
  if (/^\d{4}$/.test(year) && /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day)) {
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return `${year}-${month}-${day}`;
}

/** The boxes for a value `joinDateParts` made, a calendar date's day and month unpadded. */
export function datePartsOf(value: string): DateParts {
  const pieces = value.split('-');
  if (pieces.length !== 3) return { day: '', month: '', year: '' };
  const [year, month, day] = pieces as [string, string, string];
  const unpadded = (part: string) => (/^0\d$/.test(part) ? part.slice(1) : part);
  return isCalendarDate(value)
    ? { day: unpadded(day), month: unpadded(month), year }
    : { day, month, year };
}

/**
 * What is wrong with a date typed into the three boxes, in NHS.UK's words ("Closing date
 * must include a month"), or undefined for a real date. `name` starts the sentence;
 * `example` is a date as the boxes take it ("3 12 2026"). An empty value is for the
 * caller to judge (required or optional).
 */
export function dateEntryProblem(value: string, name: string, example: string): string | undefined {
  if (value === '' || isCalendarDate(value)) return undefined;
  const parts = datePartsOf(value);
  const missing = PART_NAMES.filter((part) => parts[part].trim() === '');
  if (missing.length > 0 && missing.length < PART_NAMES.length) {
    return `${name} must include a ${missing.join(' and ')}`;
  }
  if (
    missing.length === 0 &&
    !/^\d{4}$/.test(parts.year.trim()) &&
    /^\d+$/.test(parts.year.trim())
  ) {
    return `${name} must have a year of 4 numbers, for example ${example}`;
  }
  return `${name} must be a real date, for example ${example}`;
}
