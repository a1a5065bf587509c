import type { Comparison, SectionComparison } from '@coproduce/domain';

/** What the compare view shows in turn: a section that changed, or a fold of unchanged ones. */
export type ComparisonItem =
  | { kind: 'section'; section: SectionComparison }
  | { kind: 'unchanged'; sections: SectionComparison[] };

/**
 * Folds each run of unchanged sections into one item, so a reader goes from change to
 * change and can still open what stayed the same; changed, added and removed sections
 * stay in the order the server sent them.
 */
export function foldUnchangedSections(sections: readonly SectionComparison[]): ComparisonItem[] {
  const items: ComparisonItem[] = [];
  for (const section of sections) {
    const last = items.at(-1);
    if (section.change !== 'unchanged') items.push({ kind: 'section', section });
    else if (last?.kind === 'unchanged') last.sections.push(section);
    else items.push({ kind: 'unchanged', sections: [section] });
  }
  return items;
}

/** "1 unchanged section" / "3 unchanged sections", for a fold's summary. */
export function unchangedSummary(count: number): string {
  return `${count} unchanged ${count === 1 ? 'section' : 'sections'}`;
}

/** A section's heading as a reader knows it; text before the first heading has none. */
export function sectionTitle(section: Pick<SectionComparison, 'heading'>): string {
  return section.heading.trim() === '' ? 'Before the first heading' : section.heading;
}

/** How a changed section's words changed: "3 added, 1 removed.", or that only its formatting did. */
export function describeWordChange(
  section: Pick<SectionComparison, 'wordsAdded' | 'wordsRemoved' | 'formattingChanged'>,
): string {
  if (section.formattingChanged) {
    return 'Only the formatting changed (such as bold, a list or a heading’s level); the words are the same.';
  }
  return `${section.wordsAdded} added, ${section.wordsRemoved} removed.`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The comparison in two short sentences, above its sections. */
export function describeSummary(summary: Comparison['summary']): string {
  const { wordsAdded, wordsRemoved, sectionsChanged, sectionsAdded, sectionsRemoved } = summary;
  if (wordsAdded + wordsRemoved + sectionsAdded + sectionsRemoved + sectionsChanged === 0) {
    return 'The two texts are the same.';
  }
  return (
    `${count(wordsAdded, 'word', 'words')} added and ${wordsRemoved} removed. ` +
    `Sections: ${sectionsChanged} changed, ${sectionsAdded} new, ${sectionsRemoved} removed, ` +
    `${summary.sectionsUnchanged} unchanged.`
  );
}
