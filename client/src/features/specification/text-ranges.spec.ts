import { shortestRangeAt } from './text-ranges';

describe('the highlighted text at a place', () => {
  const ranges = new Map([
    ['whole', { from: 1, to: 40 }],
    ['words', { from: 10, to: 20 }],
    ['later', { from: 50, to: 60 }],
  ]);

  it('is the shortest range holding the place, ends included', () => {
    expect(shortestRangeAt(ranges, 15)).toBe('words');
    expect(shortestRangeAt(ranges, 10)).toBe('words');
    expect(shortestRangeAt(ranges, 20)).toBe('words');
    expect(shortestRangeAt(ranges, 5)).toBe('whole');
    expect(shortestRangeAt(ranges, 60)).toBe('later');
  });

  it('is none outside every range, and leaves out ranges not counted', () => {
    expect(shortestRangeAt(ranges, 45)).toBeNull();
    expect(shortestRangeAt(ranges, 15, (id) => id !== 'words')).toBe('whole');
    expect(shortestRangeAt(new Map(), 1)).toBeNull();
  });
});
