import {
  chooseColumn,
  fileProblem,
  headerRow,
  percentOf,
  rememberedColumns,
  rowsWord,
} from './feedback-import';

describe('feedback import', () => {
  it('refuses a missing, empty or too large file before uploading', () => {
    expect(fileProblem(null)).toBe('Select a CSV file to import');
    expect(fileProblem({ size: 0 })).toMatch(/empty/);
    expect(fileProblem({ size: 21 * 1024 * 1024 })).toBe(
      'The selected file is 21 MB. It must be 20 MB or smaller: split it into smaller files',
    );
    expect(fileProblem({ size: 20 * 1024 * 1024 })).toBeUndefined();
  });

  it('gives each heading to one field only', () => {
    const columns = chooseColumn(
      [
        { field: 'text', header: 'Comment' },
        { field: 'audience', header: null },
        { field: 'source', header: 'Who' },
      ],
      'audience',
      'Who',
    );
    expect(columns).toEqual([
      { field: 'text', header: 'Comment' },
      { field: 'audience', header: 'Who' },
      { field: 'source', header: null },
    ]);
    expect(rememberedColumns(columns)).toEqual([
      { field: 'text', header: 'Comment' },
      { field: 'audience', header: 'Who' },
    ]);
  });

  it('reads the headings of the first line, quotes and all', () => {
    expect(headerRow('\uFEFFQ1 Tell us,Q2,"Who, are you?"\r\nrow,2,3')).toEqual([
      'Q1 Tell us',
      'Q2',
      'Who, are you?',
    ]);
    expect(headerRow('"A ""quoted"" one",B\n')).toEqual(['A "quoted" one', 'B']);
  });

  it('says percentages and rows plainly', () => {
    expect(percentOf(0.999)).toBe(99);
    expect(percentOf(2)).toBe(100);
    expect(rowsWord(1)).toBe('1 row');
    expect(rowsWord(1204)).toBe('1,204 rows');
  });
});
