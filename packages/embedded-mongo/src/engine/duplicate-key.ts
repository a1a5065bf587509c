import { CommandError } from '../commands/command-error';
import type { CollectionIndex, IndexKey } from './collection-index';
import { valueText } from './value-text';

/** The E11000 error for `key` already being held in `index` of collection `ns`. */
export function duplicateKeyError(ns: string, index: CollectionIndex, key: IndexKey): CommandError {
  const keyPattern: Record<string, number> = {};
  const keyValue: Record<string, unknown> = {};
  index.fields.forEach(([path, direction], i) => {
    keyPattern[path] = direction;
    keyValue[path] = key[i];
  });
  const rendered = index.fields.map(([path], i) => `${path}: ${valueText(key[i])}`).join(', ');
  return new CommandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${index.name} dup key: { ${rendered} }`,
    { keyPattern, keyValue },
  );
}
