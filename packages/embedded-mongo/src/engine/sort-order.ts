import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { compareValues, TypeBracketBound, TypeRank, valuesAtPath } from './bson-order';

const BELOW_NULL = new TypeBracketBound(TypeRank.null, false);

export type SortSpec = [path: string, direction: 1 | -1][];

/** Validates a `sort` document into ordered fields; `$natural` and `$meta` keys keep natural order. */
export function parseSort(sort: unknown): SortSpec {
  if (sort === undefined || sort === null) return [];
  if (typeof sort !== 'object' || Array.isArray(sort)) {
    throw new CommandError('TypeMismatch', 'Expected field sort to be of type object');
  }
  const spec: SortSpec = [];
  for (const [path, direction] of Object.entries(sort as Document)) {
    if (path === '$natural' || (typeof direction === 'object' && direction?.$meta)) continue;
    const numeric = Number(direction);
    if (numeric !== 1 && numeric !== -1) {
      throw new CommandError(
        'BadValue',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    }
    spec.push([path, numeric]);
  }
  return spec;
}

/** The value a document sorts by on one field: an array sorts by its least (ascending) or greatest (descending) element. */
function sortKey(doc: Document, path: string, direction: 1 | -1): unknown {
  // An empty array yields `undefined`, which sorts just below null (missing fields sort as null).
  const values = valuesAtPath(doc, path).map((value) => (value === undefined ? BELOW_NULL : value));
  if (values.length === 0) return null;
  let best = values[0];
  for (const value of values) {
    if (compareValues(value, best) * direction < 0) best = value;
  }
  return best;
}

export function documentComparator(spec: SortSpec): (a: Document, b: Document) => number {
  return (a, b) => {
    for (const [path, direction] of spec) {
      const order = compareValues(sortKey(a, path, direction), sortKey(b, path, direction));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}
