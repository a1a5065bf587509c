import type { Document } from 'bson';

/**
 * One durable change to the store. A journal record holds the entries of one
 * command (so a command's writes become durable together); a snapshot is the
 * same entries, compacted, that rebuild every collection from empty.
 *
 * Documents are stored whole (a `put` after an update carries the new
 * document), so replaying an entry twice gives the same state.
 */
export type JournalEntry =
  | { op: 'createCollection'; db: string; coll: string; options: Document }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: Document }
  | { op: 'dropIndex'; db: string; coll: string; name: string }
  | { op: 'put'; db: string; coll: string; doc: Document }
  | { op: 'delete'; db: string; coll: string; id: unknown };

/**
 * Where the engine's changes become durable. The engine never mutates a
 * stored document object in place, so `dumpState` may return a lazy view
 * that stays valid while later writes go on.
 */
export interface Storage {
  /** Replays snapshot then journal, in order, through `apply`. */
  open(apply: (entry: JournalEntry) => void): Promise<void>;
  /**
   * Resolves once the entries are on disk and fsync'd (shared fsync with
   * concurrent appends). Call it in the same synchronous step that applies the
   * entries in memory: journal order must be apply order, and `compact`
   * relies on that to place every write on one side of its instant.
   */
  append(entries: JournalEntry[]): Promise<void>;
  /**
   * Folds the journal into a new snapshot. `dumpState` is called synchronously
   * at one instant and describes the whole state at that instant; appends
   * made after it land in the new journal.
   */
  compact(dumpState: () => Iterable<JournalEntry>): Promise<void>;
  /** Bytes of journal written since the last snapshot (to decide when to compact). */
  journalBytes(): number;
  close(): Promise<void>;
}
