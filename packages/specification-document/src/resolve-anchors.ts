import { Y } from '@coproduce/protocol';
import { decodeAnchor, type Anchor } from './anchor';
import { specificationFragment } from './fragment';
import { MalformedAnchorError } from './malformed-anchor-error';
import { textsIn } from './plain-text';

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
      if (error instanceof MalformedAnchorError) return REMOVED;
      throw error;
    }
    const start = place(decoded.start);
    const end = place(decoded.end);
    if (!start || !end) return REMOVED;
    if (start.text > end.text || (start.text === end.text && start.index >= end.index)) {
      return REMOVED;
    }
    return { textRemoved: false, order: start.order };
  });
}
