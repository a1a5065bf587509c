import { MAX_MENTIONS, type CommentPerson } from '@coproduce/domain';

/** The "@name" being typed just before the caret: where its "@" is and what follows it. */
export interface MentionQuery {
  start: number;
  query: string;
}

// Long enough for a full name; past that, an "@" further back is not a mention being typed.
const LONGEST_QUERY = 40;

/**
 * The mention being typed at `caret`, if any: an "@" at the start of the text or after
 * a space or line break, followed by no line break and no other "@", and not ending in
 * a space (so the list does not open again on a name just picked).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0 || caret - start - 1 > LONGEST_QUERY) return null;
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return null;
  const query = before.slice(start + 1);
  // A space at either end: not a name being typed (a picked name is followed by one).
  if (/[\n@]/.test(query) || /^\s|\s$/.test(query)) return null;
  return { start, query };
}

/** People whose name has a word starting with the query (all of them for a bare "@"). */
export function peopleMatching<Person extends CommentPerson>(
  people: readonly Person[],
  query: string,
  limit = 8,
): Person[] {
  const wanted = query.trim().toLowerCase();
  return people
    .filter((person) => {
      const name = person.name.toLowerCase();
      return (
        wanted === '' ||
        name.startsWith(wanted) ||
        name.split(/\s+/).some((word) => word.startsWith(wanted))
      );
    })
    .slice(0, limit);
}

/** The text with the mention being typed replaced by "@Name ", and where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(caret),
    caret: mention.start + inserted.length,
  };
}

/**
 * The ids of the people picked from the list whose "@Name" is still in the body: a
 * mention deleted while writing is not sent.
 */
export function mentionedIds(body: string, picked: readonly CommentPerson[]): string[] {
  const ids: string[] = [];
  for (const person of picked) {
    if (!ids.includes(person.id) && body.includes(`@${person.name}`)) ids.push(person.id);
  }
  return ids.slice(0, MAX_MENTIONS);
}

/**
 * What a key does while the list of people is open (WAI-ARIA combobox with a listbox):
 * arrows move the active option and wrap round, Enter or Tab picks it, Escape closes
 * the list. Null for keys the text keeps.
 */
export function mentionListKey(
  key: string,
  active: number,
  count: number,
): { move: number } | 'pick' | 'close' | null {
  if (count === 0) return key === 'Escape' ? 'close' : null;
  switch (key) {
    case 'ArrowDown':
      return { move: (active + 1) % count };
    case 'ArrowUp':
      return { move: (active - 1 + count) % count };
    case 'Enter':
    case 'Tab':
      return 'pick';
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}
