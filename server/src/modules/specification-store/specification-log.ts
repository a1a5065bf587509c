import { Logger } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { compactionTurns } from './compaction-turns';
import { DurableStateVector } from './durable-state-vector';
import { newLogWriterId } from './log-writer-id';
import type { FoldedRun, LogEntry, SpecificationStore } from './specification-store';
import { WriteBatcher } from './write-batcher';

export interface SpecificationLogLimits {
  /** Upper bound of one group-committed write. */
  maxBatchBytes: number;
  /** The log is folded into the snapshot once it holds this many entries ... */
  compactAfterEntries: number;
  /** ... or this many bytes (each up to FOLD_SPREAD more, drawn per fold). */
  compactAfterBytes: number;
}

/**
 * How much further than its limits a log may grow before it is folded, drawn afresh for
 * each fold: documents opened together (every one after a deploy) and edited at the same
 * pace would otherwise reach their limits, and fold, in the same second.
 */
const FOLD_SPREAD = 0.25;

/** What the owner of an open log hears about its writes. */
export interface SpecificationLogListener {
  /** After each acknowledged write, with how many updates it held. */
  written(updates: number): void;
  /** After each failed write, with how many in a row have failed (1 the first time). */
  failing(attempt: number): void;
}

export interface OpenLogOptions {
  specificationId: string;
  store: SpecificationStore;
  limits: SpecificationLogLimits;
  /** The live document: what is stored is applied to it, and compaction folds its state. */
  doc: Y.Doc;
  /** Transaction origin for applying stored state, so the owner neither relays nor stores it. */
  origin: unknown;
  /** Written as the first entry if nothing at all is stored (see `open`). */
  initialContent: () => Uint8Array;
  listener: SpecificationLogListener;
}

/**
 * One specification's update log, as its open document sees it: it appends the document's
 * updates in group commits (retrying until the database answers), knows what is durable
 * (`durableStateVector`), and folds the log into the snapshot once it grows. It numbers
 * its entries under a writer id of its own, unique across nodes, and a compaction
 * removes exactly the entries its snapshot holds, so appends from elsewhere are never
 * lost to it.
 */
export class SpecificationLog {
  private readonly logger: Logger;
  private readonly batcher: WriteBatcher<LogEntry>;
  private readonly durable: DurableStateVector;
  /** Entries known to be stored and not yet folded into the snapshot, as they became known. */
  private unfolded: Array<{ writer: string | null; seq: number; bytes: number }> = [];
  private unfoldedBytes = 0;
  private nextSeq: number;
  private snapshotVersion: number;
  private snapshotBytes: number;
  private compacting: Promise<void> | null = null;
  /** This fold's share past the limits, from 1 to 1 + FOLD_SPREAD. */
  private foldPoint = drawFoldPoint();

  private constructor(
    private readonly options: OpenLogOptions,
    private readonly writer: string,
    stored: { snapshotVersion: number; snapshotBytes: number; entries: LogEntry[] },
  ) {
    this.logger = new Logger(`Specification ${options.specificationId}`);
    this.snapshotVersion = stored.snapshotVersion;
    this.snapshotBytes = stored.snapshotBytes;
    for (const entry of stored.entries) this.recordStored(entry);
    this.nextSeq = 1 + stored.entries.filter((entry) => entry.writer === writer).length;
    this.durable = new DurableStateVector(Y.encodeStateVector(options.doc));
    this.batcher = new WriteBatcher({
      label: options.specificationId,
      maxBatchBytes: options.limits.maxBatchBytes,
      write: (entries, arrivedAt) => this.write(entries, arrivedAt),
      written: (entries) => this.onWritten(entries),
      failed: (_error, attempt) => options.listener.failing(attempt),
    });
  }

  /**
   * Reads the snapshot and the log into `doc`. A specification is given its template when
   * it is created; one with nothing stored at all (made before that, or its creation cut
   * off) gets `initialContent` now, stored before anyone sees it: were it lost, a client
   * that had received it and a template written again on reload would both survive.
   */
  static async open(options: OpenLogOptions): Promise<SpecificationLog> {
    const { specificationId, store, doc, origin } = options;
    const stored = await store.load(specificationId);
    const writer = newLogWriterId();
    let entries = stored.log;
    if (!stored.snapshot && entries.length === 0) {
      entries = [{ writer, seq: 1, update: options.initialContent() }];
      await store.append(specificationId, entries);
    }
    const updates = entries.map((entry) => entry.update);
    if (stored.snapshot) updates.unshift(stored.snapshot.state);
    applyStored(doc, updates, origin, new Logger(`Specification ${specificationId}`));
    return new SpecificationLog(options, writer, {
      snapshotVersion: stored.snapshot?.version ?? 0,
      snapshotBytes: stored.snapshot?.state.length ?? 0,
      entries,
    });
  }

  /**
   * Queues an update of the document to be written, as this writer's next entry: the
   * batcher keeps the queue's order and a retry keeps each entry's seq, so this writer's
   * stored entries are always 1, 2, … with no gap, and an entry an attempt whose answer
   * was lost had stored already is not stored twice.
   */
  append(update: Uint8Array): void {
    this.batcher.add({ writer: this.writer, seq: this.nextSeq++, update });
  }

  /** Everything durable, as a state vector (deletions are not in it: see UpdateReceipts). */
  get durableStateVector(): Uint8Array {
    return this.durable.encode();
  }

  /** Log entries not yet folded into the snapshot. */
  get unfoldedEntryCount(): number {
    return this.unfolded.length;
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.unfoldedBytes;
  }

  /**
   * Folds the stored entries into the snapshot in the background; one compaction at a time
   * per log, and on this node one at a time in all (CompactionTurns).
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    this.compacting = compactionTurns
      .run(() => this.fold())
      .catch((error: unknown) => this.logger.error(`compaction failed: ${String(error)}`))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  private async fold(): Promise<void> {
    const count = this.unfolded.length;
    const folded = runsOf(this.unfolded.slice(0, count));
    // The document holds every folded entry, and perhaps updates still being written: a
    // snapshot holding more than its entries is harmless, as Yjs applies an update once.
    const state = Y.encodeStateAsUpdate(this.options.doc);
    const snapshot = await this.options.store.compact(this.options.specificationId, {
      state,
      basedOnVersion: this.snapshotVersion,
      folded,
    });
    this.snapshotVersion = snapshot.version;
    this.snapshotBytes = snapshot.state.length;
    this.foldPoint = drawFoldPoint();
    // Entries written meanwhile came after these: they stay for the next compaction.
    for (const entry of this.unfolded.splice(0, count)) this.unfoldedBytes -= entry.bytes;
  }

  /** Waits until every appended update is durable and no compaction is running. */
  async settle(): Promise<void> {
    await this.batcher.whenIdle();
    if (this.compacting) await this.compacting;
  }

  /**
   * Gives up on the updates not yet durable, for an unload or shutdown past its deadline:
   * no more writes or retries. Returns how many updates that was.
   */
  abandonUnwritten(): number {
    return this.batcher.stop();
  }

  private async write(entries: LogEntry[], arrivedAt: number): Promise<void> {
    await this.options.store.append(this.options.specificationId, entries, arrivedAt);
    for (const entry of entries) this.recordStored(entry);
  }

  private onWritten(entries: LogEntry[]): void {
    this.durable.written(entries);
    this.options.listener.written(entries.length);
    const { compactAfterEntries, compactAfterBytes } = this.options.limits;
    if (
      this.unfolded.length >= compactAfterEntries * this.foldPoint ||
      this.unfoldedBytes >= compactAfterBytes * this.foldPoint
    ) {
      void this.compact();
    }
  }

  private recordStored(entry: LogEntry): void {
    this.unfolded.push({ writer: entry.writer, seq: entry.seq, bytes: entry.update.length });
    this.unfoldedBytes += entry.update.length;
  }
}

function drawFoldPoint(): number {
  return 1 + Math.random() * FOLD_SPREAD;
}

/** The entries as runs of consecutive seqs per writer: what a compaction deletes. */
function runsOf(entries: ReadonlyArray<{ writer: string | null; seq: number }>): FoldedRun[] {
  const seqsByWriter = new Map<string | null, number[]>();
  for (const { writer, seq } of entries) {
    const seqs = seqsByWriter.get(writer);
    if (seqs) seqs.push(seq);
    else seqsByWriter.set(writer, [seq]);
  }
  const runs: FoldedRun[] = [];
  for (const [writer, seqs] of seqsByWriter) {
    seqs.sort((a, b) => a - b);
    let run: FoldedRun = { writer, fromSeq: seqs[0], toSeq: seqs[0] };
    for (const seq of seqs.slice(1)) {
      if (seq === run.toSeq + 1) {
        run.toSeq = seq;
      } else if (seq > run.toSeq) {
        runs.push(run);
        run = { writer, fromSeq: seq, toSeq: seq };
      }
    }
    runs.push(run);
  }
  return runs;
}

/**
 * Applies the snapshot and then each log entry, all in one transaction (so the document's
 * observers run once). Not merged first with `Y.mergeUpdates`: merging many small updates
 * from many writers grows much faster than their number (a 60-page specification and 500
 * entries from 30 writers: 73 ms merged against 9 ms one by one; 4,000 entries: 900
 * against 75 ms; a throwaway script, Yjs alone). A log is folded when its document
 * unloads, so it is long at an open after a server stopped without folding (a crash, a
 * deadline passed) or when other nodes wrote to it, and the first person in waits for
 * it. An entry that does not apply is skipped, and the others still are.
 */
function applyStored(doc: Y.Doc, updates: Uint8Array[], origin: unknown, logger: Logger): void {
  if (updates.length === 0) return;
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch (error) {
        logger.error(`skipped a stored update that does not apply: ${String(error)}`);
      }
    }
  }, origin);
}
