import { MAX_QUOTE_LENGTH } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import {
  MalformedAnchorError,
  parseAnchor,
  resolveAnchor,
  type Anchor,
} from '@coproduce/specification-document';
import { BadRequest } from '../../base/errors';

/**
 * A new anchor into a specification's text (a comment thread's, a feedback link's) as
 * received, decoded and checked; 400 with a way forward otherwise. `selectAgain` says
 * what to do next, e.g. "Select the text again and start the thread."
 */
export function checkedAnchor(anchor: Anchor, selectAgain: string): Anchor {
  try {
    return parseAnchor(anchor);
  } catch (error) {
    if (error instanceof MalformedAnchorError)
      throw new BadRequest(`${error.message} ${selectAgain}`);
    throw error;
  }
}

/**
 * The quote a new anchor keeps: the words it covers in the specification's text now,
 * which must be the words the person saw selected when they say what they saw. Anything
 * else (another document's anchor, deleted text, text changed since it was selected) is
 * a 400 telling them to select it again.
 */
export function quoteAtNewAnchor(
  doc: Y.Doc,
  anchor: Anchor,
  quoteSeen: string | undefined,
  selectAgain: string,
): string {
  const resolved = resolveAnchor(doc, anchor);
  if (resolved.textRemoved) {
    throw new BadRequest(
      `The selected text is not in this specification as it is now: it may just have been changed or deleted. ${selectAgain}`,
    );
  }
  if (quoteSeen !== undefined && !sameCharacters(resolved.quote, quoteSeen)) {
    throw new BadRequest(
      `The quoted text is not what the selection covers in this specification now: the text may just have been changed. ${selectAgain}`,
    );
  }
  return resolved.quote.slice(0, MAX_QUOTE_LENGTH);
}

// Spacing aside: an editor may join paragraphs with a line break, a space or nothing.
function sameCharacters(a: string, b: string): boolean {
  const characters = (text: string) => text.replace(/\s+/g, '');
  return characters(a) === characters(b);
}
