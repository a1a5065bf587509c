import { parseComparisonRef } from './comparison-refs';

describe('reading what to compare from the address', () => {
  it('accepts a version number, a checkpoint id and the current draft', () => {
    expect(parseComparisonRef('version:3')).toBe('version:3');
    expect(parseComparisonRef('checkpoint:6650f1a2b3c4d5e6f7a8b9c0')).toBe(
      'checkpoint:6650f1a2b3c4d5e6f7a8b9c0',
    );
    expect(parseComparisonRef('draft')).toBe('draft');
  });

  it('refuses anything else, so a mistyped link asks what to compare', () => {
    for (const value of [
      null,
      '',
      'version:0',
      'version:-1',
      'version:1.5',
      'checkpoint:',
      'checkpoint:a/b',
      'drafts',
    ]) {
      expect(parseComparisonRef(value)).toBeUndefined();
    }
  });
});
