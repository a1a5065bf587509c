import { fileNameFrom } from './specification-export.service';

describe('fileNameFrom', () => {
  it('keeps a title people wrote, accents and typographic punctuation included', () => {
    expect(fileNameFrom('Children’s wellbeing — “drop-in” £1.2m')).toBe(
      'Children’s wellbeing — “drop-in” £1.2m',
    );
  });

  it('replaces what a file system refuses and never starts with a dot', () => {
    expect(fileNameFrom('../a/b\\c:d*e?"f"<g>|h\u0000i\nj')).toBe('a b c d e f g h i j');
  });

  it('is never empty and never very long', () => {
    expect(fileNameFrom(' ?? ')).toBe('Specification');
    expect(fileNameFrom('x'.repeat(300))).toHaveLength(120);
  });
});
