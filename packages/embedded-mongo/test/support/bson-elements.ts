/**
 * Where the elements of a BSON document sit in its bytes, so a fuzzer can
 * corrupt one precisely (its type byte, a string's length) and know the
 * result is invalid BSON rather than a different valid document.
 */
export interface ElementLocation {
  /** Offset of the element's type byte. */
  typeOffset: number;
  type: number;
  /** Offset of the value (after the name's terminating 0). */
  valueOffset: number;
}

const FIXED_SIZES: Record<number, number> = {
  0x01: 8, // double
  0x07: 12, // ObjectId
  0x08: 1, // boolean
  0x09: 8, // UTC datetime
  0x0a: 0, // null
  0x10: 4, // int32
  0x11: 8, // timestamp
  0x12: 8, // int64
  0x13: 16, // decimal128
};

interface TopLevelElement extends ElementLocation {
  name: string;
}

/** The elements of one document, in byte order, without descending into values. */
function topLevelElements(bson: Buffer, start: number): TopLevelElement[] {
  const found: TopLevelElement[] = [];
  const end = start + bson.readInt32LE(start) - 1;
  let offset = start + 4;
  while (offset < end) {
    const type = bson[offset];
    const nameEnd = bson.indexOf(0, offset + 1);
    const valueOffset = nameEnd + 1;
    found.push({
      typeOffset: offset,
      type,
      valueOffset,
      name: bson.toString('utf8', offset + 1, nameEnd),
    });
    let size: number;
    if (type === 0x02) size = 4 + bson.readInt32LE(valueOffset);
    else if (type === 0x03 || type === 0x04) size = bson.readInt32LE(valueOffset);
    else if (type === 0x05) size = 5 + bson.readInt32LE(valueOffset);
    else if (type in FIXED_SIZES) size = FIXED_SIZES[type];
    else throw new Error(`bson-elements: type 0x${type.toString(16)} is not supported here`);
    offset = valueOffset + size;
  }
  return found;
}

/** Every element of a well-formed document, nested documents and arrays included. */
export function elementsOf(bson: Buffer, start = 0): ElementLocation[] {
  return topLevelElements(bson, start).flatMap(({ typeOffset, type, valueOffset }) => [
    { typeOffset, type, valueOffset },
    ...(type === 0x03 || type === 0x04 ? elementsOf(bson, valueOffset) : []),
  ]);
}

/**
 * Field names in the order the bytes hold them. (Decoding into a JavaScript
 * object would reorder integer-like names, hiding what the server did.)
 * `path` descends into embedded documents by name.
 */
export function fieldNamesOf(bson: Buffer, path: string[] = []): string[] {
  let start = 0;
  for (const name of path) {
    const element = topLevelElements(bson, start).find((candidate) => candidate.name === name);
    if (element === undefined || (element.type !== 0x03 && element.type !== 0x04)) {
      throw new Error(`fieldNamesOf: no embedded document at ${path.join('.')}`);
    }
    start = element.valueOffset;
  }
  return topLevelElements(bson, start).map((element) => element.name);
}

/** Type bytes that no BSON version assigns. */
export function unassignedTypeBytes(): number[] {
  const assigned = new Set([
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
    0x11, 0x12, 0x13, 0x7f, 0xff,
  ]);
  const unassigned: number[] = [];
  for (let byte = 0x14; byte <= 0xfe; byte++) if (!assigned.has(byte)) unassigned.push(byte);
  return unassigned;
}

/**
 * A document nested `depth` levels deep ({a: {a: ...}}), written straight
 * into one buffer: serializing it recursively would overflow the stack.
 */
export function deeplyNestedDocument(depth: number): Buffer {
  const innermost = 5;
  const perLevel = 8; // int32 length, type 0x03, "a\0", trailing 0
  const total = innermost + perLevel * depth;
  const bytes = Buffer.alloc(total);
  for (let level = 0; level < depth; level++) {
    const start = level * 7;
    bytes.writeInt32LE(total - level * perLevel, start);
    bytes[start + 4] = 0x03;
    bytes[start + 5] = 0x61;
    bytes[start + 6] = 0x00;
    bytes[total - 1 - level] = 0x00;
  }
  bytes.writeInt32LE(innermost, depth * 7);
  return bytes;
}

function element(type: number, name: string, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), Buffer.from(`${name}\0`, 'utf8'), value]);
}

function documentOf(...elements: Buffer[]): Buffer {
  const body = Buffer.concat(elements);
  const length = Buffer.alloc(4);
  length.writeInt32LE(4 + body.length + 1, 0);
  return Buffer.concat([length, body, Buffer.from([0])]);
}

/**
 * `{ <operator>: [ { <operator>: [ ... innermost ... ] } ] }`, `depth` levels
 * deep, as raw BSON: query and expression parsers that recurse per level
 * meet it before any depth check a serializer would apply.
 */
export function nestedOperatorDocument(operator: string, depth: number, innermost: Buffer): Buffer {
  let current = innermost;
  for (let level = 0; level < depth; level++) {
    current = documentOf(element(0x04, operator, documentOf(element(0x03, '0', current))));
  }
  return current;
}

/** A raw BSON document from named raw values: `[name, type, bytes]`. */
export function rawDocument(...fields: [string, number, Buffer][]): Buffer {
  return documentOf(...fields.map(([name, type, value]) => element(type, name, value)));
}

export function rawString(value: string): Buffer {
  const bytes = Buffer.from(`${value}\0`, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32LE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}
