import { columnsFor } from './column-mapping';
import { FEEDBACK_CSV } from './feedback-columns';

describe('finding the feedback fields among a file’s columns', () => {
  it('recognises survey tools’ headers whatever their case and punctuation', () => {
    const columns = columnsFor(
      FEEDBACK_CSV,
      ['Timestamp', 'Who are you?', 'Your comments', 'Age group', 'Tags'],
      new Map(),
    );
    expect(Object.fromEntries(columns)).toEqual({ audience: 1, ageBand: 3, themes: 4 });
  });

  it('takes a column the workspace mapped before over one found by name', () => {
    const columns = columnsFor(
      FEEDBACK_CSV,
      ['Q1. What would help?', 'Comment', 'Respondent type'],
      new Map([['text', 'Q1. What would help?']]),
    );
    expect(columns.get('text')).toBe(0);
    expect(columns.get('audience')).toBe(2);
  });

  it('never gives one column two fields', () => {
    const columns = columnsFor(FEEDBACK_CSV, ['Feedback'], new Map([['themes', 'Feedback']]));
    expect(Object.fromEntries(columns)).toEqual({ themes: 0 });
  });
});
