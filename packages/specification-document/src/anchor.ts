import type { Anchor } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { MalformedAnchorError } from './malformed-anchor-error';

export type { Anchor };

/** A place in the text: before the character at `index` of `text`. */
export interface TextPosition {
  text: Y.XmlText;
  index: number;
}

/** The two ends of an anchor, decoded and checked. */
export interface DecodedAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/**
 * The start holds on to the first character of the stretch and the end to the last,
 * so text typed just outside the stretch stays outside it, and deleting the whole
 * stretch brings both ends together.
 */
export function anchorFromTextPositions(start: TextPosition, end: TextPosition): Anchor {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(end.text, end.index, -1)),
  };
}

// Far more than a relative position needs (two ids, a few varints), far less than abuse.
const MAX_END_LENGTH = 200;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * An anchor as received from outside (a request body, a stored record), checked:
 * an object with a `start` and an `end` that each decode to a position inside some
 * Y type. Throws MalformedAnchorError, with a message a person can act on, otherwise.
 */
export function parseAnchor(value: unknown): Anchor {
  if (typeof value !== 'object' || value === null) {
    throw new MalformedAnchorError('An anchor must be an object with a start and an end.');
  }
  const { start, end } = value as Record<string, unknown>;
  decodeEnd('start', start);
  decodeEnd('end', end);
  return { start: start as string, end: end as string };
}

/** Both ends of a checked anchor as Yjs relative positions. */
export function decodeAnchor(anchor: Anchor): DecodedAnchor {
  return { start: decodeEnd('start', anchor.start), end: decodeEnd('end', anchor.end) };
}

function decodeEnd(name: 'start' | 'end', value: unknown): Y.RelativePosition {
  if (typeof value !== 'string' || value === '' || value.length > MAX_END_LENGTH) {
    throw new MalformedAnchorError(
      `An anchor's ${name} must be a base64 string of at most ${MAX_END_LENGTH} characters.`,
    );
  }
  if (!BASE64.test(value)) {
    throw new MalformedAnchorError(`An anchor's ${name} is not base64.`);
  }
  const bytes = fromBase64(value);
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    throw new MalformedAnchorError(`An anchor's ${name} is not a Yjs relative position.`);
  }
  // A position by root type name would name no Y.XmlText, and resolving it would create
  // that root type in the document; trailing bytes mean it was not written by Yjs.
  if (
    (position.item === null && position.type === null) ||
    !sameBytes(Y.encodeRelativePosition(position), bytes)
  ) {
    throw new MalformedAnchorError(`An anchor's ${name} is not a position in the text.`);
  }
  return position;
}

function encode(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
