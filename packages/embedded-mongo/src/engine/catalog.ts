import type { Document } from 'bson';
import type { JournalEntry } from '../storage/journal-entry';
import { Collection, ID_INDEX_NAME } from './collection';
import type { IndexSpec } from './collection-index';
import { idKey } from './bson-order';

/**
 * Every database and collection in the store. Changes go through methods that
 * also record the matching journal entries, so what is applied in memory and
 * what is appended to storage can never drift apart.
 */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** The collection, created implicitly (as a write to a missing collection does in MongoDB). */
  obtain(db: string, name: string, changes: JournalEntry[], options: Document = {}): Collection {
    const existing = this.get(db, name);
    if (existing) return existing;
    changes.push({ op: 'createCollection', db, coll: name, options });
    return this.create(db, name, options);
  }

  drop(db: string, name: string, changes: JournalEntry[]): boolean {
    const collections = this.databases.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.databases.delete(db);
    changes.push({ op: 'dropCollection', db, coll: name });
    return true;
  }

  dropDatabase(db: string, changes: JournalEntry[]): boolean {
    if (!this.databases.delete(db)) return false;
    changes.push({ op: 'dropDatabase', db });
    return true;
  }

  /**
   * Puts a fully built collection in place of any existing one of that name
   * (as `$out` does), journaling it as a drop and a re-creation.
   */
  install(collection: Collection, changes: JournalEntry[]): void {
    const { db, name: coll } = collection;
    this.drop(db, coll, changes);
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    collections.set(coll, collection);
    changes.push({ op: 'createCollection', db, coll, options: collection.options });
    for (const index of collection.indexes.values()) {
      if (index.name !== ID_INDEX_NAME)
        changes.push({ op: 'createIndex', db, coll, spec: index.spec });
    }
    for (const doc of collection.docs.values()) changes.push({ op: 'put', db, coll, doc });
  }

  rename(from: Collection, toDb: string, toName: string, changes: JournalEntry[]): void {
    const target = this.obtain(toDb, toName, changes, from.options);
    for (const index of from.indexes.values()) {
      if (index.name === ID_INDEX_NAME) continue;
      target.restoreIndex(index.spec);
      changes.push({ op: 'createIndex', db: toDb, coll: toName, spec: index.spec });
    }
    for (const doc of from.docs.values()) {
      target.put(doc);
      changes.push({ op: 'put', db: toDb, coll: toName, doc });
    }
    this.drop(from.db, from.name, changes);
  }

  private create(db: string, name: string, options: Document): Collection {
    let collections = this.databases.get(db);
    if (!collections) {
      collections = new Map();
      this.databases.set(db, collections);
    }
    const collection = new Collection(db, name, options);
    collections.set(name, collection);
    return collection;
  }

  /** Replays one journal entry (from storage, at start-up). Replaying twice gives the same state. */
  apply(entry: JournalEntry): void {
    switch (entry.op) {
      case 'createCollection': {
        // A later entry for an existing collection is a `collMod` of its options.
        const existing = this.get(entry.db, entry.coll);
        if (existing) existing.options = entry.options;
        else this.create(entry.db, entry.coll, entry.options);
        return;
      }
      case 'dropCollection':
        this.drop(entry.db, entry.coll, []);
        return;
      case 'dropDatabase':
        this.databases.delete(entry.db);
        return;
      case 'createIndex':
        this.obtain(entry.db, entry.coll, []).restoreIndex(entry.spec as IndexSpec);
        return;
      case 'dropIndex':
        this.get(entry.db, entry.coll)?.indexes.delete(entry.name);
        return;
      case 'put':
        this.obtain(entry.db, entry.coll, []).put(entry.doc);
        return;
      case 'delete':
        this.get(entry.db, entry.coll)?.remove(idKey(entry.id));
        return;
    }
  }

  /**
   * The whole state as entries that rebuild it from empty. The document lists
   * are taken now; yielding is lazy, which is safe because documents are never
   * mutated in place.
   */
  dump(): Iterable<JournalEntry> {
    const parts = [...this.databases.values()].flatMap((collections) =>
      [...collections.values()].map((collection) => ({
        collection,
        indexes: [...collection.indexes.values()].map((index) => index.spec),
        docs: [...collection.docs.values()],
      })),
    );
    return (function* () {
      for (const { collection, indexes, docs } of parts) {
        const { db, name: coll } = collection;
        yield { op: 'createCollection', db, coll, options: collection.options } as const;
        for (const spec of indexes) {
          if (spec.name !== ID_INDEX_NAME) yield { op: 'createIndex', db, coll, spec } as const;
        }
        for (const doc of docs) yield { op: 'put', db, coll, doc } as const;
      }
    })();
  }
}
