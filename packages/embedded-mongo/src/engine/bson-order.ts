import { Binary, EJSON, ObjectId } from 'bson';

/**
 * MongoDB's cross-type comparison order (the same for sorts and index keys):
 * MinKey < null < numbers < strings < objects < arrays < binary < ObjectId <
 * booleans < dates < timestamps < regular expressions < MaxKey.
 */
export const TypeRank = {
  minKey: 1,
  null: 2,
  number: 3,
  string: 4,
  object: 5,
  array: 6,
  binary: 7,
  objectId: 8,
  boolean: 9,
  date: 10,
  timestamp: 11,
  regex: 12,
  maxKey: 13,
} as const;

/**
 * A bound just below (`upper: false`) or just above every value of one type
 * rank, so an index range like `$gt: 5` can stop at the end of the numbers.
 */
export class TypeBracketBound {
  constructor(
    readonly rank: number,
    readonly upper: boolean,
  ) {}
}

function bsonTypeOf(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && '_bsontype' in value) {
    return String((value as { _bsontype: unknown })._bsontype);
  }
  return undefined;
}

export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return TypeRank.null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeRank.number;
    case 'string':
      return TypeRank.string;
    case 'boolean':
      return TypeRank.boolean;
  }
  if (value instanceof Date) return TypeRank.date;
  if (value instanceof RegExp) return TypeRank.regex;
  if (Array.isArray(value)) return TypeRank.array;
  if (value instanceof Uint8Array) return TypeRank.binary;
  switch (bsonTypeOf(value)) {
    case 'MinKey':
      return TypeRank.minKey;
    case 'MaxKey':
      return TypeRank.maxKey;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return TypeRank.number;
    case 'BSONSymbol':
      return TypeRank.string;
    case 'Binary':
      return TypeRank.binary;
    case 'ObjectId':
      return TypeRank.objectId;
    case 'Timestamp':
      return TypeRank.timestamp;
    case 'BSONRegExp':
      return TypeRank.regex;
  }
  return TypeRank.object;
}

/** Numeric value of any BSON number type (Decimal128 and large Longs lose precision, as a trade-off). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const type = bsonTypeOf(value);
  if (type === 'Long' || type === 'Timestamp') return (value as { toNumber(): number }).toNumber();
  if (type === 'Int32' || type === 'Double') return (value as { valueOf(): number }).valueOf();
  return Number(String(value));
}

const cmp = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** Puts UTF-16 surrogates (characters above U+FFFF) after U+E000..U+FFFF, as in code point order. */
const codePointRank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

/** Strings in UTF-8 byte order (which is code point order), as mongod compares them. */
function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return cmp(codePointRank(x), codePointRank(y));
  }
  return cmp(a.length, b.length);
}

/**
 * Numbers across types, exactly for int64 values beyond 2^53 (which a double
 * cannot tell apart): two integers compare as BigInts. NaN sorts first.
 */
function compareNumbers(a: unknown, b: unknown): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y))
    return cmp(Number.isNaN(x) ? 0 : 1, Number.isNaN(y) ? 0 : 1);
  const exact = bsonTypeOf(a) === 'Long' || bsonTypeOf(b) === 'Long';
  if (!exact || x !== y || !Number.isFinite(x)) return cmp(x, y);
  const big = (value: unknown, approximate: number) =>
    bsonTypeOf(value) === 'Long'
      ? BigInt(String(value))
      : Number.isInteger(approximate)
        ? BigInt(approximate)
        : undefined;
  const [bigX, bigY] = [big(a, x), big(b, y)];
  if (bigX === undefined || bigY === undefined) return cmp(x, y);
  return cmp(bigX, bigY);
}

function binaryBytes(value: unknown): Uint8Array {
  return value instanceof Binary ? value.buffer.subarray(0, value.position) : (value as Uint8Array);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return cmp(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return cmp(a[i], b[i]);
  }
  return 0;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { value: unknown }).value ?? value);
}

/** Compares two BSON values in MongoDB order; arrays compare element-wise (as index keys do). */
export function compareValues(a: unknown, b: unknown): number {
  // Index keys are mostly plain strings and numbers, compared once per level of a B-tree
  // walk: these answer without the general type dispatch (same order as below).
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : compareUtf8(a, b);
  if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) {
    return cmp(a, b);
  }
  // `_id` index keys: ObjectIds order by their bytes.
  if (a instanceof ObjectId && b instanceof ObjectId) return compareBytes(a.id, b.id);
  if (a instanceof TypeBracketBound || b instanceof TypeBracketBound) {
    const [rankA, sideA] =
      a instanceof TypeBracketBound ? [a.rank, a.upper ? 1 : -1] : [typeRank(a), 0];
    const [rankB, sideB] =
      b instanceof TypeBracketBound ? [b.rank, b.upper ? 1 : -1] : [typeRank(b), 0];
    return cmp(rankA, rankB) || cmp(sideA, sideB);
  }
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return cmp(rankA, rankB);
  switch (rankA) {
    case TypeRank.null:
    case TypeRank.minKey:
    case TypeRank.maxKey:
      return 0;
    case TypeRank.number:
      return compareNumbers(a, b);
    case TypeRank.string:
      return compareUtf8(stringOf(a), stringOf(b));
    case TypeRank.boolean:
      return cmp(a as boolean, b as boolean);
    case TypeRank.date:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case TypeRank.timestamp:
      return cmp(toNumber(a), toNumber(b));
    case TypeRank.objectId:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case TypeRank.binary: {
      const subtypeA = a instanceof Binary ? a.sub_type : 0;
      const subtypeB = b instanceof Binary ? b.sub_type : 0;
      const bytesA = binaryBytes(a);
      const bytesB = binaryBytes(b);
      return (
        cmp(bytesA.length, bytesB.length) || cmp(subtypeA, subtypeB) || compareBytes(bytesA, bytesB)
      );
    }
    case TypeRank.regex:
      return cmp(String(a), String(b));
    case TypeRank.array: {
      const xs = a as unknown[];
      const ys = b as unknown[];
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const order = compareValues(xs[i], ys[i]);
        if (order !== 0) return order;
      }
      return cmp(xs.length, ys.length);
    }
    default: {
      const xs = Object.entries(a as object);
      const ys = Object.entries(b as object);
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const order =
          cmp(typeRank(xs[i][1]), typeRank(ys[i][1])) ||
          cmp(xs[i][0], ys[i][0]) ||
          compareValues(xs[i][1], ys[i][1]);
        if (order !== 0) return order;
      }
      return cmp(xs.length, ys.length);
    }
  }
}

/**
 * A string that is equal for two `_id`s exactly when MongoDB considers them
 * the same key (1, 1.0 and Long(1) are one key; object field order matters).
 */
export function idKey(value: unknown): string {
  switch (typeRank(value)) {
    case TypeRank.null:
      return 'z';
    case TypeRank.number: {
      // A Long prints exactly; a double prints the same digits when it holds the same integer.
      if (bsonTypeOf(value) === 'Long') return `n:${String(value)}`;
      const n = toNumber(value);
      return `n:${Object.is(n, -0) ? 0 : n}`;
    }
    case TypeRank.string:
      return `s:${stringOf(value)}`;
    case TypeRank.objectId:
      return `o:${(value as ObjectId).toHexString()}`;
    case TypeRank.date:
      return `d:${(value as Date).getTime()}`;
    case TypeRank.boolean:
      return `b:${String(value)}`;
    default:
      return `x:${EJSON.stringify(value as never, { relaxed: false })}`;
  }
}

/**
 * Every value reached by a dotted path, descending through arrays the way
 * MongoDB's queries and multikey indexes do; arrays at the end are expanded.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out, true);
  return out;
}

function isPlainDocument(value: unknown): value is Record<string, unknown> {
  return typeRank(value) === TypeRank.object && value !== null && typeof value === 'object';
}

function collect(
  value: unknown,
  parts: string[],
  i: number,
  out: unknown[],
  expandArrays: boolean,
): void {
  if (i === parts.length) {
    if (Array.isArray(value) && expandArrays) {
      for (const element of value) out.push(element);
      if (value.length === 0) out.push(undefined);
    } else if (value !== undefined) {
      out.push(value);
    }
    return;
  }
  const part = parts[i];
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part)) collect(value[Number(part)], parts, i + 1, out, expandArrays);
    for (const element of value) {
      if (isPlainDocument(element)) collect(element[part], parts, i + 1, out, expandArrays);
    }
    return;
  }
  if (isPlainDocument(value) && Object.prototype.hasOwnProperty.call(value, part)) {
    collect(value[part], parts, i + 1, out, expandArrays);
  }
}
