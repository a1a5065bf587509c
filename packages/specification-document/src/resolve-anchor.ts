import { Y } from '@coproduce/protocol';
import { decodeAnchor, type Anchor } from './anchor';
import { specificationFragment } from './fragment';
import { plainTextOf, textsIn } from './plain-text';

/** What an anchor covers in the document as it is now. */
export interface ResolvedAnchor {
  /** The text between its ends; paragraphs (and line breaks) are separated by "\n". */
  quote: string;
  /** The text it was put on has all been deleted (or it never pointed into this text). */
  textRemoved: boolean;
}

const REMOVED: ResolvedAnchor = { quote: '', textRemoved: true };

/**
 * Where an anchor's text is now. Throws MalformedAnchorError when the anchor does not
 * decode; an anchor that decodes but does not point into the specification's text
 * (another document's, or text written after the copy of `doc` being read) reads as removed.
 */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  const decoded = decodeAnchor(anchor);
  const fragment = specificationFragment(doc);
  const start = textPositionIn(
    fragment,
    Y.createAbsolutePositionFromRelativePosition(decoded.start, doc),
  );
  const end = textPositionIn(
    fragment,
    Y.createAbsolutePositionFromRelativePosition(decoded.end, doc),
  );
  if (!start || !end) return REMOVED;
  const texts = textsIn(fragment);
  const first = texts.indexOf(start.text);
  const last = texts.indexOf(end.text);
  if (first > last || (first === last && start.index >= end.index)) return REMOVED;
  const quote = texts
    .slice(first, last + 1)
    .map((text, i) => {
      const characters = plainTextOf(text);
      const from = i === 0 ? start.index : 0;
      const to = first + i === last ? end.index : characters.length;
      return characters.slice(from, to);
    })
    .join('\n');
  return { quote, textRemoved: false };
}

function textPositionIn(
  fragment: Y.XmlFragment,
  position: Y.AbsolutePosition | null,
): { text: Y.XmlText; index: number } | null {
  if (!position || !(position.type instanceof Y.XmlText)) return null;
  const item = position.type._item;
  if (!item || item.deleted || !Y.isParentOf(fragment, item)) return null;
  return { text: position.type, index: position.index };
}
