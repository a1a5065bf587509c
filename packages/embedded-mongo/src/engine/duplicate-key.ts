import { ObjectId } from 'bson';
import { CommandError } from '../commands/command-error';
import type { CollectionIndex, IndexKey } from './collection-index';

/** Renders a key value the way mongod prints it in E11000 messages. */
function renderValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (Array.isArray(value)) return `[ ${value.map(renderValue).join(', ')} ]`;
  if (typeof value === 'object' && !('_bsontype' in value)) {
    const fields = Object.entries(value).map(([k, v]) => `${k}: ${renderValue(v)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return String(value);
}

/** The E11000 error for `key` already being held in `index` of collection `ns`. */
export function duplicateKeyError(ns: string, index: CollectionIndex, key: IndexKey): CommandError {
  const keyPattern: Record<string, number> = {};
  const keyValue: Record<string, unknown> = {};
  index.fields.forEach(([path, direction], i) => {
    keyPattern[path] = direction;
    keyValue[path] = key[i];
  });
  const rendered = index.fields.map(([path], i) => `${path}: ${renderValue(key[i])}`).join(', ');
  return new CommandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: { ${rendered} }`,
    { keyPattern, keyValue },
  );
}
