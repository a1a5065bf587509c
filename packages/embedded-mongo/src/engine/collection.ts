import type { Document } from 'bson';
import { CollectionIndex, type IndexSpec } from './collection-index';
import { idKey } from './bson-order';
import { duplicateKeyError } from './duplicate-key';
import { compileValidator, type DocumentValidator } from './document-validator';

export const ID_INDEX_NAME = '_id_';

/**
 * One collection: documents by `_id` key in insertion order, and its indexes.
 * Stored documents are never mutated; a change puts a new object.
 */
export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, CollectionIndex>();

  private validator: DocumentValidator | undefined;

  constructor(
    readonly db: string,
    readonly name: string,
    private collectionOptions: Document = {},
  ) {
    this.validator = compileValidator(collectionOptions);
    this.indexes.set(
      ID_INDEX_NAME,
      new CollectionIndex({ v: 2, key: { _id: 1 }, name: ID_INDEX_NAME }),
    );
  }

  get options(): Document {
    return this.collectionOptions;
  }

  /** Replaces the creation options (as `collMod` does), recompiling the validator. */
  set options(options: Document) {
    this.validator = compileValidator(options);
    this.collectionOptions = options;
  }

  /** Throws DocumentValidationFailure (121) if the collection's validator refuses `next`. */
  validate(next: Document, previous?: Document): void {
    this.validator?.(next, previous);
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get(id: string): Document | undefined {
    return this.docs.get(id);
  }

  /** Throws MongoDB's E11000 error if `doc` would break a unique index (`_id` included). */
  assertUnique(doc: Document, replacing?: string): void {
    const id = idKey(doc._id);
    if (id !== replacing && this.docs.has(id)) {
      throw duplicateKeyError(this.ns, this.indexes.get(ID_INDEX_NAME)!, [doc._id]);
    }
    for (const index of this.indexes.values()) {
      if (index.name === ID_INDEX_NAME) continue;
      const key = index.conflictingKey(id, doc);
      if (key) throw duplicateKeyError(this.ns, index, key);
    }
  }

  /** Inserts or replaces the document with the same `_id`, keeping every index in step. */
  put(doc: Document): void {
    const id = idKey(doc._id);
    const previous = this.docs.get(id);
    if (previous) {
      for (const index of this.indexes.values()) index.remove(id, previous);
    }
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(id, doc);
  }

  remove(id: string): Document | undefined {
    const previous = this.docs.get(id);
    if (!previous) return undefined;
    for (const index of this.indexes.values()) index.remove(id, previous);
    this.docs.delete(id);
    return previous;
  }

  /** Builds an index over the existing documents; throws E11000 (and adds nothing) if they break its uniqueness. */
  addIndex(spec: IndexSpec): void {
    const index = new CollectionIndex(spec);
    for (const [id, doc] of this.docs) {
      const key = index.conflictingKey(id, doc);
      if (key) throw duplicateKeyError(this.ns, index, key);
      index.add(id, doc);
    }
    this.indexes.set(spec.name, index);
  }

  /** `addIndex` without the uniqueness check, for replaying what was already accepted. */
  restoreIndex(spec: IndexSpec): void {
    const index = new CollectionIndex(spec);
    for (const [id, doc] of this.docs) index.add(id, doc);
    this.indexes.set(spec.name, index);
  }
}
