import BTree from 'sorted-btree';
import type { Document } from 'bson';
import type { Query } from 'mingo/query';
import { compileFilter } from './mingo-options';
import { compareValues, TypeBracketBound, valuesAtPath } from './bson-order';

/** Sorts before / after every value of every type; pads compound bounds. */
export const LOWEST = new TypeBracketBound(0, false);
export const HIGHEST = new TypeBracketBound(99, true);

export type IndexKey = unknown[];

/** Index entries read per step of a scan. */
const SCAN_CHUNK = 256;

/** One index as `createIndexes` describes it (the stored spec is returned by `listIndexes`). */
export interface IndexSpec extends Document {
  v: number;
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
}

/**
 * An ordered map from a document's key tuple (in the index's field order and
 * directions, MongoDB type order) to the `_id` keys of the documents holding it.
 */
export class CollectionIndex {
  readonly fields: [path: string, direction: 1 | -1][];
  readonly tree: BTree<IndexKey, Set<string>>;
  readonly compareKeys: (a: IndexKey, b: IndexKey) => number;
  /** True once any document put an array under an indexed path: range bounds may not be intersected then. */
  multikey = false;
  private readonly partialFilter: Query | undefined;
  /** Set when every field of the index is a top-level field (no dotted path). */
  private readonly topLevelFields: string[] | undefined;
  /**
   * The last document's keys: a write asks for them twice (the unique check, then the
   * add), and stored documents are never mutated, so the same object has the same keys.
   */
  private lastKeys: { doc: Document; keys: IndexKey[] } | undefined;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.entries(spec.key);
    this.topLevelFields = this.fields.every(([path]) => !path.includes('.'))
      ? this.fields.map(([path]) => path)
      : undefined;
    const directions = this.fields.map(([, direction]) => direction);
    this.compareKeys = (a, b) => {
      for (let i = 0; i < directions.length; i++) {
        const order = compareValues(a[i], b[i]);
        if (order !== 0) return order * directions[i];
      }
      // Scan bounds carry one more element than stored keys: a trailer placing them before or after all equal keys.
      return trailerRank(a[directions.length]) - trailerRank(b[directions.length]);
    };
    this.tree = new BTree<IndexKey, Set<string>>(undefined, this.compareKeys);
    this.partialFilter = spec.partialFilterExpression
      ? compileFilter(spec.partialFilterExpression)
      : undefined;
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** The key tuples a document contributes; none when sparse or partial leave it out. */
  keysOf(doc: Document): IndexKey[] {
    if (this.lastKeys?.doc === doc) return this.lastKeys.keys;
    const keys = this.computeKeys(doc);
    this.lastKeys = { doc, keys };
    return keys;
  }

  private computeKeys(doc: Document): IndexKey[] {
    if (this.partialFilter && !this.partialFilter.test(doc)) return [];
    const scalars = this.topLevelFields && topLevelScalars(doc, this.topLevelFields);
    if (scalars) {
      // The common case (top-level fields holding scalars) without the general path walk.
      if (this.spec.sparse && scalars.every((value) => value === undefined)) return [];
      return [scalars.map((value) => value ?? null)];
    }
    const perField = this.fields.map(([path]) => valuesAtPath(doc, path));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return [];
    let keys: IndexKey[] = [[]];
    for (const values of perField) {
      const choices = values.length === 0 ? [null] : values.map((value) => value ?? null);
      if (choices.length > 1) this.multikey = true;
      keys = keys.flatMap((prefix) => dedupe(choices).map((value) => [...prefix, value]));
    }
    return keys;
  }

  // One walk down the tree per key in the common case (a key held by one document), not
  // a lookup followed by an insert or a delete: a write's cost is mostly these walks.
  add(id: string, doc: Document): void {
    for (const key of this.keysOf(doc)) {
      if (!this.tree.setIfNotPresent(key, new Set([id]))) this.tree.get(key)?.add(id);
    }
  }

  remove(id: string, doc: Document): void {
    for (const key of this.keysOf(doc)) {
      this.tree.editRange(key, key, true, (_key, ids) => {
        ids.delete(id);
        return ids.size === 0 ? { delete: true } : undefined;
      });
    }
  }

  /** For a unique index: the first key of `doc` already held by another document. */
  conflictingKey(id: string, doc: Document): IndexKey | undefined {
    if (!this.unique) return undefined;
    for (const key of this.keysOf(doc)) {
      const ids = this.tree.get(key);
      if (ids && (ids.size > 1 || !ids.has(id))) return key;
    }
    return undefined;
  }

  /**
   * `_id` keys of entries between two key tuples (both inclusive), in index
   * order. The tree is read in chunks between yields, never through a live
   * iterator, so a cursor left open across writes stays valid.
   */
  *scan(low: IndexKey, high: IndexKey, reverse = false): Generator<string> {
    if (this.compareKeys(low, high) > 0) return;
    let resumeAfter: IndexKey | undefined;
    for (;;) {
      const chunk: string[][] = [];
      let last: IndexKey | undefined;
      const start = resumeAfter ?? (reverse ? high : low);
      const entries = reverse ? this.tree.entriesReversed(start) : this.tree.entries(start);
      for (const [key, ids] of entries) {
        if (resumeAfter && this.compareKeys(key, resumeAfter) === 0) continue;
        if (reverse ? this.compareKeys(key, low) < 0 : this.compareKeys(key, high) > 0) break;
        chunk.push([...ids]);
        last = key;
        if (chunk.length === SCAN_CHUNK) break;
      }
      for (const ids of chunk) yield* ids;
      if (chunk.length < SCAN_CHUNK || !last) return;
      resumeAfter = last;
    }
  }

  /**
   * Pads a prefix of key values into a scan bound that sorts before ('low')
   * or after ('high') every stored key starting with that prefix.
   */
  pad(prefix: unknown[], side: 'low' | 'high'): IndexKey {
    const key = [...prefix];
    for (let i = prefix.length; i < this.fields.length; i++) {
      const ascending = this.fields[i][1] === 1;
      key.push((side === 'low') === ascending ? LOWEST : HIGHEST);
    }
    key.push(side === 'low' ? LOWEST : HIGHEST);
    return key;
  }
}

/** The values of top-level fields (undefined where missing), or undefined if one holds an array. */
function topLevelScalars(doc: Document, fields: string[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const field of fields) {
    const value = Object.prototype.hasOwnProperty.call(doc, field) ? doc[field] : undefined;
    if (Array.isArray(value)) return undefined;
    values.push(value);
  }
  return values;
}

function trailerRank(trailer: unknown): number {
  return trailer === LOWEST ? -1 : trailer === HIGHEST ? 1 : 0;
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const out: unknown[] = [];
  for (const value of values) {
    if (!out.some((seen) => compareValues(seen, value) === 0)) out.push(value);
  }
  return out;
}
