/** The heading attribute that names a section for the outline, anchors, links and diffs. */
export const SECTION_ID = 'id';

// 64 symbols, so that each random byte picks one without bias.
const ID_SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_LENGTH = 12;

/**
 * A new section id, 72 random bits. From `getRandomValues` rather than `randomUUID`,
 * which browsers offer only on https or localhost pages.
 */
export function newSectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_LENGTH));
  return Array.from(bytes, (byte) => ID_SYMBOLS[byte & 63]).join('');
}

export function sectionIdOf(attributes: Record<string, unknown>): string | null {
  const id = attributes[SECTION_ID];
  return typeof id === 'string' && id !== '' ? id : null;
}

/** A heading as the naming rule sees it, wherever it is read from. */
export interface SectionHeading<Place> {
  place: Place;
  id: string | null;
  hasText: boolean;
}

/**
 * The headings, in document order, that need a new id: those without one, and every
 * copy of an id but one. Splitting a heading copies its attributes to both halves, so
 * the id stays with the first copy that has words: a heading split at its start keeps
 * its id on the half that still reads as the section.
 */
export function headingsNeedingIds<Place>(headings: SectionHeading<Place>[]): Place[] {
  const keepers = new Map<string, SectionHeading<Place>>();
  for (const heading of headings) {
    if (heading.id === null) continue;
    const keeper = keepers.get(heading.id);
    if (!keeper || (!keeper.hasText && heading.hasText)) keepers.set(heading.id, heading);
  }
  return headings
    .filter((heading) => heading.id === null || keepers.get(heading.id) !== heading)
    .map((heading) => heading.place);
}
