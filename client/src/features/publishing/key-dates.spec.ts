import { formatCalendarDate, questionDeadlineMessage, ukToday } from './key-dates';

const open = { clarificationDeadline: '2027-01-12', acceptingQuestions: true, withdrawn: false };

describe('key dates of a published version', () => {
  it('writes a calendar day as NHS.UK does, whatever the time zone', () => {
    expect(formatCalendarDate('2027-01-12')).toBe('12 January 2027');
    expect(formatCalendarDate('2027-02-30')).toBe('Unknown date');
    expect(formatCalendarDate('12/01/2027')).toBe('Unknown date');
  });

  it('takes today as the UK day: late evening in summer is already tomorrow', () => {
    expect(ukToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukToday(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});

describe('telling a provider whether they may still ask questions', () => {
  it('shows the deadline and how long is left while questions are open', () => {
    expect(questionDeadlineMessage(open, '2027-01-09')).toBe(
      'You can ask questions until the end of 12 January 2027 (in 3 days).',
    );
    expect(questionDeadlineMessage(open, '2027-01-11')).toContain('(tomorrow)');
    expect(questionDeadlineMessage(open, '2027-01-12')).toContain('(today)');
  });

  it('says when questions closed, once the server no longer accepts them', () => {
    expect(questionDeadlineMessage({ ...open, acceptingQuestions: false }, '2027-01-13')).toBe(
      'Questions on this version closed at the end of 12 January 2027.',
    );
  });

  it('says there is no deadline when none was set', () => {
    expect(questionDeadlineMessage({ ...open, clarificationDeadline: null }, '2027-01-13')).toBe(
      'You can ask questions about this version. There is no deadline.',
    );
  });

  it('sends readers of a withdrawn version to the newest one', () => {
    expect(questionDeadlineMessage({ ...open, withdrawn: true }, '2027-01-09')).toContain(
      'withdrawn',
    );
  });
});
