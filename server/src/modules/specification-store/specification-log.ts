import { Logger } from '@nestjs/common';
import { Y } from '@coproduce/protocol';
import { DurableStateVector } from './durable-state-vector';
import { newLogEntryId } from './log-entry-id';
import type { LogEntry, SpecificationStore } from './specification-store';
import { WriteBatcher } from './write-batcher';

export interface SpecificationLogLimits {
  /** Upper bound of one group-committed write. */
  maxBatchBytes: number;
  /** The log is folded into the snapshot once it holds this many entries ... */
  compactAfterEntries: number;
  /** ... or this many bytes. */
  compactAfterBytes: number;
}

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
 * (`durableStateVector`), and folds the log into the snapshot once it grows. Entries are
 * keyed by ids unique across nodes, and a compaction removes exactly the entries its
 * snapshot holds, so appends from elsewhere are never lost to it.
 */
export class SpecificationLog {
  private readonly logger: Logger;
  private readonly batcher: WriteBatcher;
  private readonly durable: DurableStateVector;
  /** Entries known to be stored and not yet folded into the snapshot, with their sizes. */
  private readonly unfolded = new Map<string, number>();
  private unfoldedBytes = 0;
  private snapshotVersion: number;
  private snapshotBytes: number;
  private compacting: Promise<void> | null = null;
  /** The id each update takes when first written, kept so a retry reuses it. */
  private readonly pendingIds = new WeakMap<Uint8Array, string>();

  private constructor(
    private readonly options: OpenLogOptions,
    stored: { snapshotVersion: number; snapshotBytes: number; entries: LogEntry[] },
  ) {
    this.logger = new Logger(`Specification ${options.specificationId}`);
    this.snapshotVersion = stored.snapshotVersion;
    this.snapshotBytes = stored.snapshotBytes;
    for (const entry of stored.entries) this.recordStored(entry);
    this.durable = new DurableStateVector(Y.encodeStateVector(options.doc));
    this.batcher = new WriteBatcher({
      label: options.specificationId,
      maxBatchBytes: options.limits.maxBatchBytes,
      write: (updates) => this.write(updates),
      written: (updates) => this.onWritten(updates),
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
    let entries = stored.log;
    if (!stored.snapshot && entries.length === 0) {
      entries = [{ id: newLogEntryId(), update: options.initialContent() }];
      await store.append(specificationId, entries);
    }
    const updates = entries.map((entry) => entry.update);
    if (stored.snapshot) updates.unshift(stored.snapshot.state);
    applyStored(doc, updates, origin, new Logger(`Specification ${specificationId}`));
    return new SpecificationLog(options, {
      snapshotVersion: stored.snapshot?.version ?? 0,
      snapshotBytes: stored.snapshot?.state.length ?? 0,
      entries,
    });
  }

  /** Queues an update of the document to be written. */
  append(update: Uint8Array): void {
    this.batcher.add(update);
  }

  /** Everything durable, as a state vector (deletions are not in it: see UpdateReceipts). */
  get durableStateVector(): Uint8Array {
    return this.durable.encode();
  }

  /** Log entries not yet folded into the snapshot. */
  get unfoldedEntryCount(): number {
    return this.unfolded.size;
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.unfoldedBytes;
  }

  /** Folds the stored entries into the snapshot in the background; one compaction at a time. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const folded = [...this.unfolded.keys()];
    // The document holds every folded entry, and perhaps updates still being written: a
    // snapshot holding more than its entries is harmless, as Yjs applies an update once.
    const state = Y.encodeStateAsUpdate(this.options.doc);
    this.compacting = this.options.store
      .compact(this.options.specificationId, {
        state,
        basedOnVersion: this.snapshotVersion,
        foldedEntryIds: folded,
      })
      .then((snapshot) => {
        this.snapshotVersion = snapshot.version;
        this.snapshotBytes = snapshot.state.length;
        for (const id of folded) {
          this.unfoldedBytes -= this.unfolded.get(id) ?? 0;
          this.unfolded.delete(id);
        }
      })
      .catch((error: unknown) => this.logger.error(`compaction failed: ${String(error)}`))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
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

  private async write(updates: Uint8Array[]): Promise<void> {
    // A retry reuses each update's id, so the store can tell what an attempt whose answer
    // was lost had stored already.
    const entries = updates.map((update) => ({ id: this.idOf(update), update }));
    await this.options.store.append(this.options.specificationId, entries);
    for (const entry of entries) {
      this.recordStored(entry);
      this.pendingIds.delete(entry.update);
    }
  }

  private idOf(update: Uint8Array): string {
    let id = this.pendingIds.get(update);
    if (!id) {
      id = newLogEntryId();
      this.pendingIds.set(update, id);
    }
    return id;
  }

  private onWritten(updates: Uint8Array[]): void {
    this.durable.written(updates);
    this.options.listener.written(updates.length);
    const { compactAfterEntries, compactAfterBytes } = this.options.limits;
    if (this.unfolded.size >= compactAfterEntries || this.unfoldedBytes >= compactAfterBytes) {
      void this.compact();
    }
  }

  private recordStored(entry: LogEntry): void {
    if (this.unfolded.has(entry.id)) return;
    this.unfolded.set(entry.id, entry.update.length);
    this.unfoldedBytes += entry.update.length;
  }
}

/** Applies stored updates in one go, or one by one when some do not apply. */
function applyStored(doc: Y.Doc, updates: Uint8Array[], origin: unknown, logger: Logger): void {
  if (updates.length === 0) return;
  try {
    Y.applyUpdate(doc, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), origin);
    return;
  } catch (error) {
    logger.error(`stored state did not merge, applying entry by entry: ${String(error)}`);
  }
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      logger.error(`skipped a stored update that does not apply: ${String(error)}`);
    }
  }
}
