/**
 * How deeply a BSON document nests documents and arrays, read iteratively
 * from its bytes, so that a message nested thousands deep is refused before
 * any recursive decoder or query compiler sees it.
 */

/** mongod's limit on nested BSON objects in a command. */
export const MAX_NESTING_DEPTH = 180;

/** Value sizes of fixed-width BSON types, by type byte. */
const FIXED_SIZES: Record<number, number> = {
  0x01: 8,
  0x06: 0,
  0x07: 12,
  0x08: 1,
  0x09: 8,
  0x0a: 0,
  0x10: 4,
  0x11: 8,
  0x12: 8,
  0x13: 16,
  0xff: 0,
  0x7f: 0,
};

/** The depth, or `Infinity` as soon as it passes `limit`. Malformed bytes stop the count (the decoder reports them). */
export function nestingDepth(
  bytes: Buffer,
  start: number,
  end: number,
  limit = MAX_NESTING_DEPTH,
): number {
  const ends = [start + bytes.readInt32LE(start)];
  let position = start + 4;
  let deepest = 1;
  while (ends.length > 0) {
    const documentEnd = Math.min(ends[ends.length - 1], end);
    if (position >= documentEnd - 1) {
      position = ends.pop() as number;
      continue;
    }
    const type = bytes[position++];
    const nameEnd = bytes.indexOf(0, position);
    if (nameEnd < 0 || nameEnd >= documentEnd) return deepest;
    position = nameEnd + 1;
    if (type === 0x03 || type === 0x04) {
      if (position + 4 > documentEnd) return deepest;
      ends.push(position + bytes.readInt32LE(position));
      position += 4;
      deepest = Math.max(deepest, ends.length);
      if (deepest > limit) return Infinity;
    } else if (type in FIXED_SIZES) {
      position += FIXED_SIZES[type];
    } else if (type === 0x02 || type === 0x0d || type === 0x0e || type === 0x0f) {
      if (position + 4 > documentEnd) return deepest;
      position +=
        4 + (type === 0x0f ? bytes.readInt32LE(position) - 4 : bytes.readInt32LE(position));
    } else if (type === 0x05) {
      if (position + 4 > documentEnd) return deepest;
      position += 5 + bytes.readInt32LE(position);
    } else if (type === 0x0b) {
      const patternEnd = bytes.indexOf(0, position);
      const optionsEnd = patternEnd < 0 ? -1 : bytes.indexOf(0, patternEnd + 1);
      if (optionsEnd < 0) return deepest;
      position = optionsEnd + 1;
    } else if (type === 0x0c) {
      if (position + 4 > documentEnd) return deepest;
      position += 4 + bytes.readInt32LE(position) + 12;
    } else {
      return deepest;
    }
  }
  return deepest;
}
