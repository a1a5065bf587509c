/**
 * The one door to durable Yjs state (STYLE.md §3). Nothing above it knows how or where
 * updates are kept.
 *
 * A specification's state is a snapshot plus an append-only log of updates. Log entries
 * are keyed by ids their writer makes (unique across nodes, like MongoDB's ObjectIds), not
 * by a counter one node owns: Yjs updates commute, so the order entries are read back in
 * does not matter, and several nodes may append to the same specification. A retried
 * append reuses its entries' ids, so an entry stored by an attempt whose answer was lost
 * is not stored twice.
 */
export interface LogEntry {
  id: string;
  update: Uint8Array;
}

export interface StoredSpecification {
  /** The snapshot, if any: every entry folded into it has left the log. */
  snapshot: { state: Uint8Array; version: number } | null;
  /** The log entries not folded into the snapshot yet. */
  log: LogEntry[];
}

/** What a compaction folds: the state to keep and the log entries that state holds. */
export interface Compaction {
  /** A Yjs update holding the snapshot read at `basedOnVersion` and every folded entry. */
  state: Uint8Array;
  /** The snapshot version the state was built on (0: none). */
  basedOnVersion: number;
  /** The log entries `state` holds, removed once the new snapshot is durable. */
  foldedEntryIds: string[];
}

export abstract class SpecificationStore {
  abstract load(specificationId: string): Promise<StoredSpecification>;

  /**
   * Appends entries in one write. Resolves only once the database has acknowledged it;
   * rejects if any of it may not be durable (some of it may be stored all the same).
   * Another specification's entries that the database refuses never fail this append.
   */
  abstract append(specificationId: string, entries: LogEntry[]): Promise<void>;

  /**
   * Replaces the snapshot with one holding `state`, then removes exactly the folded entries
   * (entries appended meanwhile stay). If another writer replaced the snapshot since
   * `basedOnVersion`, its snapshot is merged in rather than overwritten, so nothing it
   * folded is lost. Resolves with the new snapshot's version and the state stored.
   */
  abstract compact(
    specificationId: string,
    compaction: Compaction,
  ): Promise<{ version: number; state: Uint8Array }>;
}
