import { ownField, setOwnField } from './own-fields';
import { Double, Int32, Long, type BSONRegExp, type Document } from 'bson';
import { regExpFromWire } from './pcre';
import { TypeRank, typeRank } from './bson-order';

/**
 * BSON has four number types; JavaScript has one. Documents keep int32 and
 * fractional doubles as plain numbers (BSON writes them back as the same
 * types) and keep `Double` only for whole values, and `Long` always, so that
 * every stored number is returned with the type it was written with.
 * mingo's arithmetic needs plain numbers: `plainNumbers` gives it a copy.
 */

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function bsonType(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' && '_bsontype' in value
    ? String((value as { _bsontype: unknown })._bsontype)
    : undefined;
}

/** Whether a plain number would be written back as int32 (so a double of that value needs its wrapper). */
const writtenAsInt32 = (value: number) =>
  Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0);

function isPlainContainer(value: unknown): value is Document | unknown[] {
  return (
    Array.isArray(value) ||
    (typeRank(value) === TypeRank.object && value !== null && typeof value === 'object')
  );
}

/** Walks a freshly decoded message (`promoteValues: false`) into the stored representation. */
export function fromWire<T>(value: T): T {
  switch (bsonType(value)) {
    case 'Int32':
      return (value as unknown as Int32).value as T;
    case 'Double': {
      const number = (value as unknown as Double).value;
      return (writtenAsInt32(number) || Object.is(number, -0) ? value : number) as T;
    }
    case 'Long':
      return value;
    case 'BSONRegExp':
      return regExpFromWire(value as unknown as BSONRegExp) as T;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromWire(value[i]);
  } else if (isPlainContainer(value)) {
    for (const key of Object.keys(value))
      setOwnField(value as Document, key, fromWire((value as Document)[key]));
  }
  return value;
}

/**
 * A copy with every number wrapper replaced by a plain number (what mingo
 * computes with). `keepExactLongs` leaves int64 values a double cannot hold
 * as `Long`, for comparisons (which handle them) rather than arithmetic.
 */
export function plainNumbers<T>(value: T, keepExactLongs = false): T {
  const type = bsonType(value);
  if (type === 'Double' || type === 'Int32') return (value as unknown as Double).value as T;
  if (type === 'Long') {
    const number = (value as unknown as Long).toNumber();
    return (keepExactLongs && !Number.isSafeInteger(number) ? value : number) as T;
  }
  if (Array.isArray(value)) return value.map((item) => plainNumbers(item, keepExactLongs)) as T;
  if (isPlainContainer(value)) {
    const copy: Document = {};
    for (const [key, field] of Object.entries(value))
      setOwnField(copy, key, plainNumbers(field, keepExactLongs));
    return copy as T;
  }
  return value;
}

type NumberKind = 'int' | 'long' | 'double' | 'decimal';

export function numberKind(value: unknown): NumberKind | undefined {
  if (typeof value === 'number') return writtenAsInt32(value) ? 'int' : 'double';
  switch (bsonType(value)) {
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    case 'Decimal128':
      return 'decimal';
  }
  return undefined;
}

/** A computed number in the BSON type arithmetic gives it: int + int overflows into long; any double makes a double. */
export function asKind(result: number, kinds: (NumberKind | undefined)[]): unknown {
  if (kinds.includes('double') || !Number.isInteger(result)) {
    return writtenAsInt32(result) ? new Double(result) : result;
  }
  if (kinds.includes('long') || result < INT32_MIN || result > INT32_MAX)
    return Long.fromNumber(result);
  return result;
}

/**
 * After mingo changed a plain-number copy of `before` into `after`, puts
 * back the wrappers of numbers it did not change (same place, same value).
 */
export function restoreWrappers(before: unknown, after: unknown): unknown {
  if (typeof after === 'number') {
    const kind = numberKind(before);
    if (
      (kind === 'double' || kind === 'long') &&
      typeof before === 'object' &&
      Number(before) === after
    ) {
      return before;
    }
    return after;
  }
  if (Array.isArray(after)) {
    const old = Array.isArray(before) ? before : [];
    for (let i = 0; i < after.length; i++) after[i] = restoreWrappers(old[i], after[i]);
    return after;
  }
  if (isPlainContainer(after)) {
    const old = isPlainContainer(before) && !Array.isArray(before) ? before : {};
    for (const key of Object.keys(after))
      setOwnField(
        after as Document,
        key,
        restoreWrappers(ownField(old, key), (after as Document)[key]),
      );
  }
  return after;
}
