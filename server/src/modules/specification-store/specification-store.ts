/**
 * The one door to durable Yjs state (STYLE.md §3). Nothing above it knows how or where
 * updates are kept.
 *
 * A specification's state is a snapshot plus an append-only log of updates. Each writer
 * (one open copy of the specification, on whichever node) numbers its own entries 1, 2,
 * 3, … under a writer id unique across nodes, so several nodes may append to the same
 * specification without coordinating; Yjs updates commute, so the order entries are read
 * back in does not matter. A retried append reuses its entries' numbers, so an entry
 * stored by an attempt whose answer was lost is not stored twice.
 */
export interface LogEntry {
  /** Null for entries of the first layout, numbered per specification by its one writer. */
  writer: string | null;
  seq: number;
  update: Uint8Array;
}

/** A run of one writer's entries, `fromSeq` to `toSeq` inclusive, every one of them known. */
export interface FoldedRun {
  writer: string | null;
  fromSeq: number;
  toSeq: number;
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
  folded: FoldedRun[];
}

export abstract class SpecificationStore {
  abstract load(specificationId: string): Promise<StoredSpecification>;

  /**
   * Appends entries in one write. Resolves only once the database has acknowledged it;
   * rejects if any of it may not be durable (some of it may be stored all the same).
   * Another specification's entries that the database refuses never fail this append.
   * `arrivedAt` (`performance.now()`; by default now) is when the oldest of these edits
   * reached the server: a store that holds writes back for the machine's sake counts from
   * then, so edits that waited for their document's previous write are not held again.
   */
  abstract append(specificationId: string, entries: LogEntry[], arrivedAt?: number): Promise<void>;

  /**
   * Replaces the snapshot with one holding `state`, then removes exactly the folded entries
   * (entries appended meanwhile stay). If another writer replaced the snapshot since
   * `basedOnVersion`, its snapshot is merged in rather than overwritten, so nothing it
   * folded is lost. Resolves with the new snapshot's version and the state stored.
   */
  /** Removes every stored byte of a specification (a draft deleted for good). */
  abstract remove(specificationId: string): Promise<void>;

  abstract compact(
    specificationId: string,
    compaction: Compaction,
  ): Promise<{ version: number; state: Uint8Array }>;
}
