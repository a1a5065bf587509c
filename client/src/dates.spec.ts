import { formatDate, formatDateTime, formatHour, formatTime } from './dates';

describe('dates as NHS.UK writes them', () => {
  it('writes the day, the month in full and the year', () => {
    expect(formatDate('2026-11-24T12:00:00Z')).toBe('24 November 2026');
  });

  it('writes times with am or pm and no space', () => {
    expect(formatDateTime('2026-11-24T12:00:00Z')).toMatch(
      /^24 November 2026 at \d{1,2}:\d{2}(am|pm)$/,
    );
  });

  it('writes an hour as the day and the hour it spans, and a time alone', () => {
    expect(formatHour('2026-11-24T10:00:00Z')).toMatch(
      /^24 November 2026, \d{1,2}(am|pm) to \d{1,2}(am|pm)$/,
    );
    expect(formatTime('2026-11-24T10:05:00Z')).toMatch(/^\d{1,2}:05(am|pm)$/);
  });

  it('does not show "Invalid Date" for something that is not a date', () => {
    expect(formatDate('soon')).toBe('Unknown date');
    expect(formatDateTime('')).toBe('Unknown time');
  });
});
