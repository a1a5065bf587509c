import type { Document } from 'bson';
import type { JournalEntry } from '../storage/journal-entry';
import type { Catalog } from './catalog';
import { Collection, ID_INDEX_NAME } from './collection';
import { insertDocument, withIdFirst } from './document-writes';

/**
 * `$out`: the pipeline's results replace the target collection's documents,
 * keeping its options and indexes. The replacement is built aside first, so a
 * result that breaks a unique index or the validator changes nothing.
 */
export function replaceWithResults(
  catalog: Catalog,
  db: string,
  name: string,
  results: Document[],
  changes: JournalEntry[],
): void {
  const existing = catalog.get(db, name);
  const replacement = new Collection(db, name, existing?.options ?? {});
  for (const index of existing?.indexes.values() ?? []) {
    if (index.name !== ID_INDEX_NAME) replacement.restoreIndex(index.spec);
  }
  for (const result of results) insertDocument(replacement, withIdFirst(result), []);
  catalog.install(replacement, changes);
}
