/**
 * The one door to durable Yjs state (STYLE.md §3). Nothing above it knows how or
 * where updates are kept.
 *
 * A specification's state is a compacted snapshot plus an append-only log of updates
 * numbered by `seq`. The open document is the single writer for its specification and
 * numbers its own appends.
 */
export interface StoredSpecification {
  /** The snapshot (if any) followed by the log tail after it, in order. */
  updates: Uint8Array[];
  /** Highest seq stored (0 when nothing is). */
  lastSeq: number;
  /** Log entries and bytes after the snapshot: what compaction would fold in. */
  logEntries: number;
  logBytes: number;
  /** Bytes of the snapshot alone. */
  snapshotBytes: number;
}

export abstract class SpecificationStore {
  abstract load(specificationId: string): Promise<StoredSpecification>;

  /**
   * Appends updates as seq `firstSeq`, `firstSeq + 1`, ... in one write. Resolves only
   * once the database has acknowledged it; rejects if any of it may not be durable (some
   * of it may be stored all the same). Another specification's entries that the database
   * refuses never fail this append.
   */
  abstract append(specificationId: string, firstSeq: number, updates: Uint8Array[]): Promise<void>;

  /**
   * Replaces the snapshot with `state`, which holds every update up to `upToSeq`, then
   * drops those log entries. Entries appended meanwhile have higher seqs and stay.
   */
  abstract compact(specificationId: string, state: Uint8Array, upToSeq: number): Promise<void>;
}
