import {
  formatEventTime,
  formatMonth,
  formatUkDateTime,
  isoToUkFields,
  ukDateTimeToIso,
} from './uk-time';

describe('UK dates and times of engagement events', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expect(ukDateTimeToIso('2025-01-15', '10:00')).toBe('2025-01-15T10:00:00.000Z');
    expect(ukDateTimeToIso('2025-06-14', '14:30')).toBe('2025-06-14T13:30:00.000Z');
  });

  it('gets the hours either side of the clocks changing right', () => {
    // Clocks go forward at 01:00 GMT on 30 March 2025 and back at 01:00 GMT on 26 October.
    expect(ukDateTimeToIso('2025-03-30', '00:30')).toBe('2025-03-30T00:30:00.000Z');
    expect(ukDateTimeToIso('2025-03-30', '03:00')).toBe('2025-03-30T02:00:00.000Z');
    expect(ukDateTimeToIso('2025-10-26', '00:30')).toBe('2025-10-25T23:30:00.000Z');
    expect(ukDateTimeToIso('2025-10-26', '02:00')).toBe('2025-10-26T02:00:00.000Z');
  });

  it('refuses dates and times that are not real', () => {
    expect(ukDateTimeToIso('2025-02-30', '10:00')).toBeUndefined();
    expect(ukDateTimeToIso('2025-02-03', '24:00')).toBeUndefined();
    expect(ukDateTimeToIso('3 Feb', '10:00')).toBeUndefined();
  });

  it('puts a stored instant back into the form as UK clocks read it', () => {
    expect(isoToUkFields('2025-06-14T13:30:00.000Z')).toEqual({
      date: '2025-06-14',
      time: '14:30',
    });
    expect(isoToUkFields(null)).toEqual({ date: '', time: '' });
    for (const [date, time] of [
      ['2025-01-15', '10:00'],
      ['2025-07-01', '23:45'],
    ] as const) {
      expect(isoToUkFields(ukDateTimeToIso(date, time))).toEqual({ date, time });
    }
  });

  it('says when an event ran as a person would', () => {
    expect(formatUkDateTime('2025-06-14T13:30:00Z')).toBe('14 June 2025 at 2:30pm');
    expect(formatEventTime('2025-06-14T13:30:00Z', '2025-06-14T15:00:00Z')).toBe(
      '14 June 2025, 2:30pm to 4:00pm',
    );
    expect(formatEventTime('2025-03-03T09:00:00Z', '2025-03-28T17:00:00Z')).toBe(
      '3 March 2025 at 9:00am to 28 March 2025 at 5:00pm',
    );
    expect(formatEventTime('2025-06-14T13:30:00Z', null)).toBe('14 June 2025 at 2:30pm');
    expect(formatMonth('2025-06')).toBe('June 2025');
  });
});
