const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** A moment as people in England read it: "4 December 2026 at 10:15", UK time. */
export function ukDateTime(date: Date): string {
  return UK_DATE_TIME.format(date);
}
