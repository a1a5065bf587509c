import { BSON, ObjectId, type Document } from 'bson';
import type { JournalEntry } from '../storage/journal-entry';
import { CommandError } from '../commands/command-error';
import type { Collection } from './collection';
import { idKey, TypeRank, typeRank } from './bson-order';

export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The checks mongod makes on every document it stores; an update's result has its own size error. */
export function assertStorable(doc: Document, origin: 'insert' | 'update' = 'insert'): void {
  const size = BSON.calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_BYTES) {
    throw origin === 'insert'
      ? new CommandError(
          'BadValue',
          `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_BYTES}`,
        )
      : new CommandError(
          'Location17419',
          `Resulting document after update is larger than ${MAX_DOCUMENT_BYTES}`,
        );
  }
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) {
      throw new CommandError('BadValue', `Document can't have $ prefixed field names: ${key}`);
    }
  }
  const idRank = typeRank(doc._id);
  if (idRank === TypeRank.array || idRank === TypeRank.regex || doc._id === undefined) {
    throw new CommandError(
      'BadValue',
      `can't use ${idRank === TypeRank.array ? 'an array' : 'a regex or undefined'} for _id`,
    );
  }
}

/** A new document with `_id` first, generating an ObjectId when it has none (as drivers usually do). */
export function withIdFirst(doc: Document): Document {
  const { _id, ...rest } = doc;
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

/** Whether a command asked to skip the collection's validator (`bypassDocumentValidation`). */
export interface WriteOptions {
  bypassValidation?: boolean;
}

export function insertDocument(
  collection: Collection,
  doc: Document,
  changes: JournalEntry[],
  options: WriteOptions = {},
): void {
  assertStorable(doc);
  if (!options.bypassValidation) collection.validate(doc);
  collection.assertUnique(doc);
  collection.put(doc);
  changes.push({ op: 'put', db: collection.db, coll: collection.name, doc });
}

/** Puts `next` in place of the document with the same `_id`; validation and uniqueness are checked first. */
export function replaceDocument(
  collection: Collection,
  next: Document,
  changes: JournalEntry[],
  options: WriteOptions = {},
): void {
  assertStorable(next, 'update');
  const id = idKey(next._id);
  if (!options.bypassValidation) collection.validate(next, collection.get(id));
  collection.assertUnique(next, id);
  collection.put(next);
  changes.push({ op: 'put', db: collection.db, coll: collection.name, doc: next });
}

export function removeDocument(
  collection: Collection,
  id: string,
  changes: JournalEntry[],
): Document | undefined {
  const removed = collection.remove(id);
  if (removed)
    changes.push({ op: 'delete', db: collection.db, coll: collection.name, id: removed._id });
  return removed;
}
