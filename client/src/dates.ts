// Dates as NHS.UK writes them: "24 November 2026", times as "2:05pm".
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : 'Unknown date';
}

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  if (!date) return 'Unknown time';
  const time = timeFormat.format(date).replace(/\s/g, '').toLowerCase();
  return `${dateFormat.format(date)} at ${time}`;
}

/** A time of day as NHS.UK writes it: "2:05pm". */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? timeFormat.format(date).replace(/\s/g, '').toLowerCase() : 'Unknown time';
}

/** The hour that starts at `iso`: "4 December 2026, 10am to 11am". */
export function formatHour(iso: string): string {
  const date = parse(iso);
  if (!date) return 'Unknown time';
  const end = new Date(date.getTime() + 60 * 60 * 1000);
  const hour = (at: Date) =>
    timeFormat.format(at).replace(/\s/g, '').replace(':00', '').toLowerCase();
  return `${dateFormat.format(date)}, ${hour(date)} to ${hour(end)}`;
}
