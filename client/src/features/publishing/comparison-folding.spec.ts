import type { SectionComparison, SectionChange } from '@coproduce/domain';
import {
  describeSummary,
  describeWordChange,
  foldUnchangedSections,
  sectionTitle,
  unchangedSummary,
} from './comparison-folding';

const section = (heading: string, change: SectionChange): SectionComparison => ({
  id: heading.toLowerCase(),
  heading,
  change,
  runs: change === 'unchanged' ? [] : [{ kind: 'added', text: 'new words' }],
  wordsAdded: change === 'unchanged' ? 0 : 2,
  wordsRemoved: 0,
});

describe('folding the unchanged sections of a comparison', () => {
  it('folds each run of unchanged sections into one, keeping changes where they stand', () => {
    const items = foldUnchangedSections([
      section('Aims', 'unchanged'),
      section('Scope', 'unchanged'),
      section('Outcomes', 'changed'),
      section('Pricing', 'unchanged'),
      section('Workforce', 'added'),
      section('Exit', 'removed'),
      section('Safeguarding', 'unchanged'),
    ]);
    expect(
      items.map((item) =>
        item.kind === 'section'
          ? `${item.section.change} ${item.section.heading}`
          : `fold ${item.sections.map((folded) => folded.heading).join('+')}`,
      ),
    ).toEqual([
      'fold Aims+Scope',
      'changed Outcomes',
      'fold Pricing',
      'added Workforce',
      'removed Exit',
      'fold Safeguarding',
    ]);
  });

  it('has nothing to fold when every section changed, and one fold when none did', () => {
    expect(foldUnchangedSections([section('Aims', 'changed')])).toHaveLength(1);
    const allSame = foldUnchangedSections([
      section('Aims', 'unchanged'),
      section('Scope', 'unchanged'),
    ]);
    expect(allSame).toEqual([{ kind: 'unchanged', sections: expect.any(Array) }]);
    expect(foldUnchangedSections([])).toEqual([]);
  });

  it('says how many sections a fold holds, in words', () => {
    expect(unchangedSummary(1)).toBe('1 unchanged section');
    expect(unchangedSummary(4)).toBe('4 unchanged sections');
  });

  it('names the text before the first heading', () => {
    expect(sectionTitle({ heading: '' })).toBe('Before the first heading');
    expect(sectionTitle({ heading: 'Aims' })).toBe('Aims');
  });
});

describe('summing up a comparison', () => {
  const nothing = {
    sectionsAdded: 0,
    sectionsRemoved: 0,
    sectionsChanged: 0,
    sectionsUnchanged: 6,
    wordsAdded: 0,
    wordsRemoved: 0,
  };

  it('counts words and sections', () => {
    expect(
      describeSummary({
        ...nothing,
        sectionsChanged: 2,
        sectionsAdded: 1,
        wordsAdded: 1,
        wordsRemoved: 4,
      }),
    ).toBe('1 word added and 4 removed. Sections: 2 changed, 1 new, 0 removed, 6 unchanged.');
  });

  it('says when the texts are the same', () => {
    expect(describeSummary(nothing)).toBe('The two texts are the same.');
  });
});

describe('a changed section’s words in a sentence', () => {
  it('counts the words added and removed, or says only the formatting changed', () => {
    expect(describeWordChange({ wordsAdded: 3, wordsRemoved: 1 })).toBe('3 added, 1 removed.');
    expect(describeWordChange({ wordsAdded: 0, wordsRemoved: 0, formattingChanged: true })).toBe(
      'Only the formatting changed (such as bold, a list or a heading’s level); the words are the same.',
    );
  });
});
