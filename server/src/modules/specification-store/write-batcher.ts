import { Logger } from '@nestjs/common';

/** What the batcher writes: anything that carries one update. */
export interface BatchedUpdate {
  update: Uint8Array;
}

export interface WriteBatcherOptions<Entry extends BatchedUpdate> {
  /**
   * Writes one batch durably; rejects if it may not have been. `arrivedAt` is when the
   * batch's oldest update was added (`performance.now()`).
   */
  write(entries: Entry[], arrivedAt: number): Promise<void>;
  /** Called in order, once per acknowledged batch. */
  written(entries: Entry[]): void;
  /**
   * Called after each failed write, before the retry, with how many writes in a row have
   * failed (1 the first time): the owner can tell its members that saving is stuck.
   */
  failed?(error: unknown, attempt: number): void;
  maxBatchBytes: number;
  label: string;
}

interface Queued<Entry> {
  entry: Entry;
  addedAt: number;
}

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

/**
 * Group commit for one document: updates that arrive while a write is in flight are
 * written together by the next one, so a burst of keystrokes from many people costs
 * one round trip to the database, not one each. A failed write is retried with what
 * arrived since, for as long as it takes (a database outage must not lose edits);
 * nothing is reported written before the database acknowledged it. Only stop() ends
 * the retries, for a shutdown that cannot wait any longer.
 */
export class WriteBatcher<Entry extends BatchedUpdate> {
  private readonly logger: Logger;
  /** Each update waiting for a write, with when it was added. */
  private queue: Array<Queued<Entry>> = [];
  /** Updates in the write now waiting for the database. */
  private inFlight = 0;
  private running = false;
  private stopped = false;
  private failedAttempts = 0;
  private retryMs = FIRST_RETRY_MS;
  private retryWait: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: WriteBatcherOptions<Entry>) {
    this.logger = new Logger(`WriteBatcher ${options.label}`);
  }

  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  /** Updates added and not yet acknowledged by the database. */
  get unwrittenCount(): number {
    return this.queue.length + this.inFlight;
  }

  add(entry: Entry): void {
    if (this.stopped) return;
    this.queue.push({ entry, addedAt: performance.now() });
    if (!this.running) {
      this.running = true;
      // Let the updates of the current event-loop turn join this batch.
      setImmediate(() => void this.drain());
    }
  }

  /** Resolves once everything added so far is written, or the batcher is stopped. */
  whenIdle(): Promise<void> {
    if (this.idle || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Gives up on what is not written yet: no more writes or retries, later updates are
   * ignored, and whenIdle() resolves. Returns how many updates were given up. A write
   * already in flight may still land, but nobody is told.
   */
  stop(): number {
    if (this.stopped) return 0;
    const givenUp = this.unwrittenCount;
    this.stopped = true;
    this.queue = [];
    if (this.retryWait) {
      clearTimeout(this.retryWait.timer);
      this.retryWait.wake();
    }
    this.resolveIdleWaiters();
    return givenUp;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.takeBatch();
      const entries = batch.map(({ entry }) => entry);
      this.inFlight = batch.length;
      let failure: { error: unknown } | null = null;
      try {
        await this.options.write(entries, batch[0].addedAt);
      } catch (error) {
        failure = { error };
      }
      this.inFlight = 0;
      if (this.stopped) break;
      if (failure) {
        this.queue = batch.concat(this.queue);
        await this.retryAfter(failure.error);
        continue;
      }
      this.failedAttempts = 0;
      this.retryMs = FIRST_RETRY_MS;
      this.options.written(entries);
    }
    this.running = false;
    this.resolveIdleWaiters();
  }

  private async retryAfter(error: unknown): Promise<void> {
    this.failedAttempts++;
    this.logger.error(
      `write failed (attempt ${this.failedAttempts}), ${this.queue.length} updates not stored yet, retrying in ${this.retryMs} ms: ${String(error)}`,
    );
    try {
      this.options.failed?.(error, this.failedAttempts);
    } catch (reportError) {
      this.logger.error(`reporting the failed write failed: ${String(reportError)}`);
    }
    await new Promise<void>((resolve) => {
      // Not what keeps a process alive: shutdown gives up after its own deadline.
      const timer = setTimeout(resolve, this.retryMs).unref();
      this.retryWait = { timer, wake: resolve };
    });
    this.retryWait = null;
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private resolveIdleWaiters(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** The oldest queued updates, up to the batch size; the first added is the first taken. */
  private takeBatch(): Array<Queued<Entry>> {
    let bytes = 0;
    let count = 0;
    for (const { entry } of this.queue) {
      const { update } = entry;
      if (count > 0 && bytes + update.length > this.options.maxBatchBytes) break;
      bytes += update.length;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
