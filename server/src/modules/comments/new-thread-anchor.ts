import { MAX_QUOTE_LENGTH } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import {
  MalformedAnchorError,
  parseAnchor,
  resolveAnchor,
  type Anchor,
} from '@coproduce/specification-document';
import { BadRequest } from '../../base/errors';

const SELECT_AGAIN = 'Select the text again and start the thread.';

/** A new thread's anchor as received, decoded and checked; 400 with a way forward otherwise. */
export function checkedAnchor(anchor: Anchor): Anchor {
  try {
    return parseAnchor(anchor);
  } catch (error) {
    if (error instanceof MalformedAnchorError)
      throw new BadRequest(`${error.message} ${SELECT_AGAIN}`);
    throw error;
  }
}

/**
 * The quote a new thread keeps: the words its anchor covers in the specification's text
 * now, which must be the words the person saw selected. Anything else (another document's
 * anchor, deleted text, text changed since it was selected) is a 400 telling them to
 * select it again.
 */
export function quoteOfNewThread(doc: Y.Doc, anchor: Anchor, quoteSeen: string): string {
  const resolved = resolveAnchor(doc, anchor);
  if (resolved.textRemoved) {
    throw new BadRequest(
      `The selected text is not in this specification as it is now: it may just have been changed or deleted. ${SELECT_AGAIN}`,
    );
  }
  if (!sameCharacters(resolved.quote, quoteSeen)) {
    throw new BadRequest(
      `The quoted text is not what the selection covers in this specification now: the text may just have been changed. ${SELECT_AGAIN}`,
    );
  }
  return resolved.quote.slice(0, MAX_QUOTE_LENGTH);
}

// Spacing aside: an editor may join paragraphs with a line break, a space or nothing.
function sameCharacters(a: string, b: string): boolean {
  const characters = (text: string) => text.replace(/\s+/g, '');
  return characters(a) === characters(b);
}
