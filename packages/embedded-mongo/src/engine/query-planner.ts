import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { idKey, TypeBracketBound, TypeRank, typeRank } from './bson-order';
import type { Collection } from './collection';
import type { CollectionIndex } from './collection-index';
import type { SortSpec } from './sort-order';

/** The values one index field is bounded to: a few exact keys, or one inclusive range. */
type FieldBounds =
  | { kind: 'points'; values: unknown[] }
  | { kind: 'range'; low: unknown; high: unknown; lowInclusive: boolean; highInclusive: boolean };

/**
 * How a query reads a collection: the index scanned and the key ranges within
 * it, or the whole collection. Candidates are a superset of the matches (the
 * full filter is applied to each); `sorted` says they come out in sort order.
 */
export interface QueryPlan {
  index?: CollectionIndex;
  sorted: boolean;
  /** The index is read backwards (to deliver a descending sort). */
  reverse?: boolean;
  /** For a `$or` read as a union of index scans: the index of each branch. */
  union?: CollectionIndex[];
  candidates(): Iterable<Document>;
}

function isOperatorObject(value: unknown): value is Document {
  if (typeRank(value) !== TypeRank.object || value === null || typeof value !== 'object')
    return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/** A value an index can look up exactly (arrays and regexes match more than their own key). */
function isKeyable(value: unknown): boolean {
  const rank = typeRank(value);
  return (
    value !== undefined &&
    rank !== TypeRank.array &&
    rank !== TypeRank.regex &&
    !isOperatorObject(value) &&
    !(value instanceof TypeBracketBound)
  );
}

function boundsOf(condition: unknown, multikey: boolean): FieldBounds | undefined {
  if (!isOperatorObject(condition)) {
    return isKeyable(condition) ? { kind: 'points', values: [condition] } : undefined;
  }
  if ('$eq' in condition && isKeyable(condition.$eq))
    return { kind: 'points', values: [condition.$eq] };
  if (Array.isArray(condition.$in) && condition.$in.length > 0 && condition.$in.every(isKeyable)) {
    return { kind: 'points', values: condition.$in };
  }
  const low = [condition.$gt, condition.$gte].find(isKeyable);
  const high = [condition.$lt, condition.$lte].find(isKeyable);
  const lowInclusive = low !== condition.$gt;
  const highInclusive = high !== condition.$lt;
  if (low === undefined && high === undefined) return undefined;
  if (low !== undefined && (high === undefined || multikey)) {
    const top = new TypeBracketBound(typeRank(low), true);
    return { kind: 'range', low, high: top, lowInclusive, highInclusive: true };
  }
  if (low === undefined) {
    const bottom = new TypeBracketBound(typeRank(high), false);
    return { kind: 'range', low: bottom, high, lowInclusive: true, highInclusive };
  }
  return { kind: 'range', low, high, lowInclusive, highInclusive };
}

function mayIncludeNull(bounds: FieldBounds): boolean {
  const isNull = (value: unknown) =>
    value instanceof TypeBracketBound
      ? value.rank === TypeRank.null
      : typeRank(value) === TypeRank.null;
  return bounds.kind === 'points'
    ? bounds.values.some(isNull)
    : isNull(bounds.low) || isNull(bounds.high);
}

/** Top-level `field: condition` pairs of a filter, including those inside a top-level `$and`. */
function fieldConditions(filter: Document): Map<string, unknown[]> {
  const conditions = new Map<string, unknown[]>();
  const visit = (clause: Document) => {
    for (const [key, value] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object') visit(part as Document);
      } else if (!key.startsWith('$')) {
        conditions.set(key, [...(conditions.get(key) ?? []), value]);
      }
    }
  };
  visit(filter);
  return conditions;
}

interface IndexBounds {
  index: CollectionIndex;
  fields: FieldBounds[];
  score: number;
}

function boundIndex(
  index: CollectionIndex,
  conditions: Map<string, unknown[]>,
): IndexBounds | undefined {
  if (index.spec.partialFilterExpression) return undefined;
  const fields: FieldBounds[] = [];
  for (const [path] of index.fields) {
    const bounds = (conditions.get(path) ?? [])
      .map((condition) => boundsOf(condition, index.multikey))
      .find((found) => found !== undefined);
    if (!bounds) break;
    if (index.spec.sparse && mayIncludeNull(bounds)) return undefined;
    fields.push(bounds);
    if (bounds.kind === 'range' || bounds.values.length > 1) break;
  }
  if (fields.length === 0) return undefined;
  const exactOnly = fields.every((field) => field.kind === 'points' && field.values.length === 1);
  const score =
    fields.length * 2 +
    (exactOnly && fields.length === index.fields.length && index.unique ? 100 : 0);
  return { index, fields, score };
}

/** Whether scanning `bounds` yields documents already in `sort` order (and in which direction). */
function sortDirection(
  index: CollectionIndex,
  bounds: FieldBounds[],
  sort: SortSpec,
): 'forward' | 'reverse' | undefined {
  if (sort.length === 0 || index.multikey) return undefined;
  let equalities = 0;
  while (equalities < bounds.length) {
    const field = bounds[equalities];
    if (field.kind !== 'points' || field.values.length !== 1) break;
    equalities++;
  }
  if (equalities < bounds.length && bounds[equalities].kind === 'points') return undefined;
  const following = index.fields.slice(equalities, equalities + sort.length);
  if (following.length < sort.length) return undefined;
  const same = sort.every(
    ([path, direction], i) => following[i][0] === path && following[i][1] === direction,
  );
  const opposite = sort.every(
    ([path, direction], i) => following[i][0] === path && following[i][1] === -direction,
  );
  return same ? 'forward' : opposite ? 'reverse' : undefined;
}

function* scanIndex(
  collection: Collection,
  index: CollectionIndex,
  bounds: FieldBounds[],
  reverse: boolean,
): Generator<Document> {
  const prefix = bounds
    .slice(0, -1)
    .map((field) => (field.kind === 'points' ? field.values[0] : undefined));
  const last = bounds[bounds.length - 1];
  const lastDirection = bounds.length > 0 ? index.fields[bounds.length - 1][1] : 1;
  type Bound = [value: unknown, inclusive: boolean];
  const intervals: [Bound, Bound][] =
    last === undefined
      ? []
      : last.kind === 'points'
        ? last.values.map((value) => [
            [value, true],
            [value, true],
          ])
        : [
            [
              [last.low, last.lowInclusive],
              [last.high, last.highInclusive],
            ],
          ];
  const seen = intervals.length > 1 || index.multikey ? new Set<string>() : undefined;
  // An exclusive bound is padded past (or before) every key that starts with it.
  const scans =
    bounds.length === 0
      ? [index.scan(index.pad([], 'low'), index.pad([], 'high'), reverse)]
      : intervals.map(([low, high]) => {
          const [first, second] = lastDirection === 1 ? [low, high] : [high, low];
          return index.scan(
            index.pad([...prefix, first[0]], first[1] ? 'low' : 'high'),
            index.pad([...prefix, second[0]], second[1] ? 'high' : 'low'),
            reverse,
          );
        });
  for (const scan of scans) {
    for (const id of scan) {
      if (seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const doc = collection.get(id);
      if (doc) yield doc;
    }
  }
}

/** Picks the index (if any) whose key ranges cover the filter most tightly, or one that yields the sort order. */
export function planQuery(
  collection: Collection,
  filter: Document,
  sort: SortSpec = [],
  hint?: CollectionIndex,
): QueryPlan {
  const conditions = fieldConditions(filter);
  if (hint) {
    const fields = boundIndex(hint, conditions)?.fields ?? [];
    return indexPlan(collection, hint, fields, sort);
  }
  const best = bestBounds(collection, conditions, sort);
  if (best) return indexPlan(collection, best.index, best.fields, sort);
  const union = orUnion(collection, filter, sort);
  if (union) return union;
  for (const index of collection.indexes.values()) {
    if (index.spec.sparse || index.spec.partialFilterExpression) continue;
    if (sortDirection(index, [], sort)) return indexPlan(collection, index, [], sort);
  }
  return { sorted: sort.length === 0, candidates: () => collection.docs.values() };
}

function bestBounds(
  collection: Collection,
  conditions: Map<string, unknown[]>,
  sort: SortSpec,
): IndexBounds | undefined {
  let best: IndexBounds | undefined;
  for (const index of collection.indexes.values()) {
    const candidate = boundIndex(index, conditions);
    if (!candidate) continue;
    const better =
      !best ||
      candidate.score > best.score ||
      (candidate.score === best.score &&
        sortDirection(candidate.index, candidate.fields, sort) !== undefined);
    if (better) best = candidate;
  }
  return best;
}

/**
 * A top-level `$or` whose every branch has index bounds is read as the union
 * of those index scans (each document once), as mongod's OR stage does.
 */
function orUnion(collection: Collection, filter: Document, sort: SortSpec): QueryPlan | undefined {
  const branches = filter.$or;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const plans: IndexBounds[] = [];
  for (const branch of branches) {
    if (!branch || typeof branch !== 'object') return undefined;
    const bounds = bestBounds(collection, fieldConditions(branch as Document), []);
    if (!bounds) return undefined;
    plans.push(bounds);
  }
  return {
    sorted: sort.length === 0,
    union: plans.map((plan) => plan.index),
    *candidates() {
      const seen = new Set<string>();
      for (const { index, fields } of plans) {
        for (const doc of scanIndex(collection, index, fields, false)) {
          const id = idKey(doc._id);
          if (seen.has(id)) continue;
          seen.add(id);
          yield doc;
        }
      }
    },
  };
}

function indexPlan(
  collection: Collection,
  index: CollectionIndex,
  fields: FieldBounds[],
  sort: SortSpec,
): QueryPlan {
  const direction = sortDirection(index, fields, sort);
  return {
    index,
    sorted: direction !== undefined || sort.length === 0,
    reverse: direction === 'reverse',
    candidates: () => scanIndex(collection, index, fields, direction === 'reverse'),
  };
}

/** The index a `hint` names (by name or key pattern); `$natural` means no index. */
export function resolveHint(collection: Collection, hint: unknown): CollectionIndex | undefined {
  if (hint === undefined || hint === null) return undefined;
  if (typeof hint === 'object' && !Array.isArray(hint) && Object.keys(hint).length === 0)
    return undefined;
  if (typeof hint === 'object' && hint !== null && '$natural' in hint) return undefined;
  const found = [...collection.indexes.values()].find((index) =>
    typeof hint === 'string'
      ? index.name === hint
      : JSON.stringify(index.fields) ===
        JSON.stringify(
          Object.entries(hint as Document).map(([path, dir]) => [path, Number(dir) < 0 ? -1 : 1]),
        ),
  );
  if (!found) {
    throw new CommandError(
      'BadValue',
      'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
    );
  }
  return found;
}
