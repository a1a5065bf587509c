import { dayInWords, isRealDay, questionsOpen, ukToday } from './clarification-deadline';

describe('clarification deadlines', () => {
  it('are the UK day: just after midnight in London it is already the next day', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    expect(ukToday(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(ukToday(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15');
  });

  it('keep questions open to the end of the deadline day', () => {
    expect(questionsOpen('2027-01-29', new Date('2027-01-29T23:59:00Z'))).toBe(true);
    expect(questionsOpen('2027-01-29', new Date('2027-01-30T00:00:01Z'))).toBe(false);
    expect(questionsOpen(null)).toBe(true);
  });

  it('are said in words and must exist', () => {
    expect(dayInWords('2027-01-29')).toBe('29 January 2027');
    expect(isRealDay('2027-02-29')).toBe(false);
    expect(isRealDay('2028-02-29')).toBe(true);
  });
});
