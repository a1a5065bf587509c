import { endOfUkDay, isCalendarDay, startOfUkDay } from './uk-time';

describe('days as the UK keeps them', () => {
  it('starts a winter day at midnight GMT and a summer day at midnight BST', () => {
    expect(startOfUkDay('2027-01-29').toISOString()).toBe('2027-01-29T00:00:00.000Z');
    expect(startOfUkDay('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
  });

  it('gets the days the clocks change right', () => {
    // 28 March 2027: clocks go forward at 01:00 GMT, so the day is 23 hours long.
    expect(startOfUkDay('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(endOfUkDay('2027-03-28').toISOString()).toBe('2027-03-28T23:00:00.000Z');
    // 31 October 2027: clocks go back at 02:00 BST, so the day is 25 hours long.
    expect(startOfUkDay('2027-10-31').toISOString()).toBe('2027-10-30T23:00:00.000Z');
    expect(endOfUkDay('2027-10-31').toISOString()).toBe('2027-11-01T00:00:00.000Z');
  });

  it('ends a day where the next begins, across months and years', () => {
    expect(endOfUkDay('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('knows which days exist', () => {
    expect(['2027-02-28', '2028-02-29', '2027-12-31'].map(isCalendarDay)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['2027-02-29', '2027-13-01', '2027-1-1', '27-01-01', ''].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
