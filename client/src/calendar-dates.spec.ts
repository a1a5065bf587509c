import { dateEntryProblem, datePartsOf, isCalendarDate, joinDateParts } from './calendar-dates';

describe('calendar dates', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-1-2')).toBe(false);
  });
});

describe('the day, month and year boxes of a date input', () => {
  it('make a calendar date once they read as one, padding the day and month', () => {
    expect(joinDateParts({ day: '3', month: '12', year: '2026' })).toBe('2026-12-03');
    expect(joinDateParts({ day: ' 03 ', month: '1', year: '2027' })).toBe('2027-01-03');
    expect(joinDateParts({ day: '', month: '', year: '' })).toBe('');
  });

  it('keep what was typed when it is not a date yet, so nothing typed is lost', () => {
    expect(joinDateParts({ day: '3', month: '', year: '2026' })).toBe('2026--3');
    expect(joinDateParts({ day: '3', month: 'Dec', year: '26' })).toBe('26-Dec-3');
    expect(datePartsOf('26-Dec-3')).toEqual({ day: '3', month: 'Dec', year: '26' });
    expect(datePartsOf('2026--3')).toEqual({ day: '3', month: '', year: '2026' });
  });

  it('show a stored date with its day and month unpadded, as a person would type them', () => {
    expect(datePartsOf('2026-03-05')).toEqual({ day: '5', month: '3', year: '2026' });
    expect(datePartsOf('2026-12-10')).toEqual({ day: '10', month: '12', year: '2026' });
    expect(datePartsOf('')).toEqual({ day: '', month: '', year: '' });
  });

  it('round-trip every value they make', () => {
    for (const parts of [
      { day: '3', month: '12', year: '2026' },
      { day: '31', month: '2', year: '2027' },
      { day: '', month: '7', year: '' },
      { day: 'x', month: '1', year: '2026' },
    ]) {
      const value = joinDateParts(parts);
      expect(joinDateParts(datePartsOf(value))).toBe(value);
    }
  });
});

describe('what is wrong with a typed date, in NHS.UK words', () => {
  const problem = (value: string) => dateEntryProblem(value, 'Closing date', '3 12 2026');

  it('says nothing of a real date or of an empty one (the form says whether it is needed)', () => {
    expect(problem('2026-12-03')).toBeUndefined();
    expect(problem('')).toBeUndefined();
  });

  it('names the missing parts', () => {
    expect(problem(joinDateParts({ day: '3', month: '', year: '2026' }))).toBe(
      'Closing date must include a month',
    );
    expect(problem(joinDateParts({ day: '', month: '12', year: '' }))).toBe(
      'Closing date must include a day and year',
    );
  });

  it('asks for a four-figure year, and for a real date otherwise', () => {
    expect(problem(joinDateParts({ day: '3', month: '12', year: '26' }))).toBe(
      'Closing date must have a year of 4 numbers, for example 3 12 2026',
    );
    expect(problem(joinDateParts({ day: '30', month: '2', year: '2027' }))).toBe(
      'Closing date must be a real date, for example 3 12 2026',
    );
    expect(problem(joinDateParts({ day: '3', month: 'Dec', year: '2026' }))).toBe(
      'Closing date must be a real date, for example 3 12 2026',
    );
  });
});
