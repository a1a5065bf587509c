import { EJSON, ObjectId } from 'bson';
import { TypeRank, typeRank } from './bson-order';

/** A value written the way mongod writes it in error messages (`{ email: "x@y" }`, `ObjectId('…')`). */
export function valueText(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return value.length ? `[ ${value.map(valueText).join(', ')} ]` : '[]';
  if (typeRank(value) === TypeRank.number) return String(Number(value));
  if (typeRank(value) === TypeRank.object && typeof value === 'object') {
    const fields = Object.entries(value).map(([key, field]) => `${key}: ${valueText(field)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  try {
    return EJSON.stringify(value as never, { relaxed: true });
  } catch {
    return typeof value;
  }
}
