import type { Comparison, SectionComparison, WordRun } from '@coproduce/domain';
import { diffWords } from 'diff';
import type { TextSection } from './sections';

/** A section whose words take longer than this to compare is shown as replaced whole. */
const WORD_DIFF_TIMEOUT_MS = 500;

/**
 * Two texts compared section by section: sections are matched by section id, then (for
 * headings without one) by heading text; within a section, words added and removed
 * (jsdiff's word diff). Sections come in the order of `to`, removed ones where they
 * stood in `from`.
 */
export function compareSections(
  from: readonly TextSection[],
  to: readonly TextSection[],
): Pick<Comparison, 'sections' | 'summary'> {
  const matches = matchSections(from, to);
  const placed: { section: SectionComparison; fromIndex: number | null }[] = to.map(
    (section, index) => {
      const fromIndex = matches.toFrom.get(index);
      const previous = fromIndex === undefined ? undefined : from[fromIndex];
      return {
        section: previous ? changedSection(previous, section) : addedSection(section),
        fromIndex: fromIndex ?? null,
      };
    },
  );
  from.forEach((section, fromIndex) => {
    if (matches.matchedFrom.has(fromIndex)) return;
    // After the nearest section before it in `from` that is already placed.
    let at = 0;
    for (let index = placed.length - 1; index >= 0; index--) {
      const placedFrom = placed[index]!.fromIndex;
      if (placedFrom !== null && placedFrom < fromIndex) {
        at = index + 1;
        break;
      }
    }
    placed.splice(at, 0, { section: removedSection(section), fromIndex });
  });
  const sections = placed.map((each) => each.section);
  return { sections, summary: summaryOf(sections) };
}

function matchSections(
  from: readonly TextSection[],
  to: readonly TextSection[],
): { toFrom: Map<number, number>; matchedFrom: Set<number> } {
  const toFrom = new Map<number, number>();
  const matchedFrom = new Set<number>();
  const byId = new Map<string, number>();
  from.forEach((section, index) => {
    if (section.id !== null && !byId.has(section.id)) byId.set(section.id, index);
  });
  const match = (toIndex: number, fromIndex: number | undefined) => {
    if (fromIndex === undefined || matchedFrom.has(fromIndex)) return;
    toFrom.set(toIndex, fromIndex);
    matchedFrom.add(fromIndex);
  };
  to.forEach((section, index) => {
    if (section.id !== null) match(index, byId.get(section.id));
  });
  // Headings written before sections had ids, and the text before the first heading.
  to.forEach((section, index) => {
    if (toFrom.has(index)) return;
    match(
      index,
      from.findIndex(
        (candidate, fromIndex) =>
          !matchedFrom.has(fromIndex) &&
          (section.id === null || candidate.id === null) &&
          candidate.heading === section.heading,
      ) ?? undefined,
    );
  });
  toFrom.forEach((fromIndex, toIndex) => {
    if (fromIndex < 0) {
      toFrom.delete(toIndex);
      matchedFrom.delete(fromIndex);
    }
  });
  return { toFrom, matchedFrom };
}

function changedSection(from: TextSection, to: TextSection): SectionComparison {
  const renamed = from.heading !== to.heading;
  const base = {
    id: to.id,
    heading: to.heading,
    ...(renamed ? { previousHeading: from.heading } : {}),
  };
  if (from.text === to.text) {
    // The same words, formatted otherwise (bold, a list, a heading's level): a change a
    // reader should see, shown with its words as they stand.
    const restyled = !renamed && from.markup !== to.markup;
    return {
      ...base,
      change: renamed || restyled ? 'changed' : 'unchanged',
      runs: restyled && to.text !== '' ? [{ kind: 'unchanged', text: to.text }] : [],
      wordsAdded: 0,
      wordsRemoved: 0,
      ...(restyled ? { formattingChanged: true } : {}),
    };
  }
  const runs = wordRuns(from.text, to.text);
  return {
    ...base,
    change: 'changed',
    runs,
    wordsAdded: wordsIn(runs, 'added'),
    wordsRemoved: wordsIn(runs, 'removed'),
  };
}

function addedSection(section: TextSection): SectionComparison {
  const runs: WordRun[] = section.text === '' ? [] : [{ kind: 'added', text: section.text }];
  return {
    id: section.id,
    heading: section.heading,
    change: 'added',
    runs,
    wordsAdded: countWords(section.heading) + wordsIn(runs, 'added'),
    wordsRemoved: 0,
  };
}

function removedSection(section: TextSection): SectionComparison {
  const runs: WordRun[] = section.text === '' ? [] : [{ kind: 'removed', text: section.text }];
  return {
    id: section.id,
    heading: section.heading,
    change: 'removed',
    runs,
    wordsAdded: 0,
    wordsRemoved: countWords(section.heading) + wordsIn(runs, 'removed'),
  };
}

function wordRuns(from: string, to: string): WordRun[] {
  const changes = diffWords(from, to, { timeout: WORD_DIFF_TIMEOUT_MS });
  if (!changes) {
    return [
      { kind: 'removed', text: from },
      { kind: 'added', text: to },
    ].filter((run): run is WordRun => run.text !== '');
  }
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'unchanged',
    text: change.value,
  }));
}

function wordsIn(runs: readonly WordRun[], kind: WordRun['kind']): number {
  return runs
    .filter((run) => run.kind === kind)
    .reduce((total, run) => total + countWords(run.text), 0);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function summaryOf(sections: readonly SectionComparison[]): Comparison['summary'] {
  const count = (change: SectionComparison['change']) =>
    sections.filter((section) => section.change === change).length;
  return {
    sectionsAdded: count('added'),
    sectionsRemoved: count('removed'),
    sectionsChanged: count('changed'),
    sectionsUnchanged: count('unchanged'),
    wordsAdded: sections.reduce((total, section) => total + section.wordsAdded, 0),
    wordsRemoved: sections.reduce((total, section) => total + section.wordsRemoved, 0),
  };
}
