import { Y } from '@coproduce/protocol';
import { decodeAnchor, type Anchor } from './anchor';
import { specificationFragment } from './fragment';
import { MalformedAnchorError } from './malformed-anchor-error';
import { plainTextOf, textsIn } from './plain-text';
import type { ResolvedAnchor } from './resolve-anchor';

/** Where one of many anchors is in the document as it is now. */
export interface PlacedAnchor {
  /** As `resolveAnchor` says: the text it covered is gone (or it never pointed into it). */
  textRemoved: boolean;
  /**
   * How far into the text it starts, in characters, counting every text before it:
   * sorting by it puts anchors in reading order. Infinity when the text is removed.
   */
  order: number;
}

const REMOVED: PlacedAnchor = { textRemoved: true, order: Number.POSITIVE_INFINITY };

/**
 * `resolveAnchor`'s verdict for many anchors at once, without their quotes: the
 * fragment is walked once, however many anchors there are, so listing hundreds of
 * comment threads costs one read of the text. An anchor that does not decode reads
 * as removed here (one bad record must not hide the others).
 */
export function resolveAnchors(doc: Y.Doc, anchors: readonly Anchor[]): PlacedAnchor[] {
  return placeAll(doc, anchors).map((placed) =>
    placed ? { textRemoved: false, order: placed.order } : REMOVED,
  );
}

/**
 * `resolveAnchor` for many anchors at once, quotes included: the text is read once, and
 * each of its parts turned to characters at most once, however many anchors quote it.
 */
export function quoteAnchors(doc: Y.Doc, anchors: readonly Anchor[]): ResolvedAnchor[] {
  const characters = new Map<Y.XmlText, string>();
  const charactersOf = (text: Y.XmlText) => {
    let found = characters.get(text);
    if (found === undefined) {
      found = plainTextOf(text);
      characters.set(text, found);
    }
    return found;
  };
  return placeAll(doc, anchors).map((placed) => {
    if (!placed) return { quote: '', textRemoved: true };
    const { texts, start, end } = placed;
    const quote = texts
      .slice(start.text, end.text + 1)
      .map((text, i) => {
        const all = charactersOf(text);
        const from = i === 0 ? start.index : 0;
        const to = start.text + i === end.text ? end.index : all.length;
        return all.slice(from, to);
      })
      .join('\n');
    return { quote, textRemoved: false };
  });
}

interface Placed {
  texts: Y.XmlText[];
  start: { text: number; index: number };
  end: { text: number; index: number };
  order: number;
}

/** Where each anchor's ends are among the document's texts; null where its text is gone. */
function placeAll(doc: Y.Doc, anchors: readonly Anchor[]): (Placed | null)[] {
  const texts = textsIn(specificationFragment(doc));
  const startOf = new Map<Y.XmlText, { index: number; offset: number }>();
  let offset = 0;
  texts.forEach((text, index) => {
    startOf.set(text, { index, offset });
    offset += text.length;
  });
  const place = (position: Y.RelativePosition) => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
    if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
    const text = startOf.get(absolute.type);
    return text
      ? { text: text.index, index: absolute.index, order: text.offset + absolute.index }
      : null;
  };
  return anchors.map((anchor) => {
    let decoded;
    try {
      decoded = decodeAnchor(anchor);
    } catch (error) {
      if (error instanceof MalformedAnchorError) return null;
      throw error;
    }
    const start = place(decoded.start);
    const end = place(decoded.end);
    if (!start || !end) return null;
    if (start.text > end.text || (start.text === end.text && start.index >= end.index)) {
      return null;
    }
    return { texts, start, end, order: start.order };
  });
}
