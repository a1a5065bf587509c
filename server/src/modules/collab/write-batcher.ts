import { Logger } from '@nestjs/common';

export interface WriteBatcherOptions<Cut> {
  /** Writes one batch durably; rejects if it may not have been. */
  write(updates: Uint8Array[]): Promise<void>;
  /** Taken as a batch is cut: what the batch covers (a state vector, for `doc:saved`). */
  cut(): Cut;
  /**
   * Called in order, once per acknowledged batch, with what it covered — or null when
   * the batch was capped and the rest of the queue is still to be written.
   */
  written(cut: Cut | null, updates: Uint8Array[]): void;
  maxBatchBytes: number;
  label: string;
}

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

/**
 * Group commit for one document: updates that arrive while a write is in flight are
 * written together by the next one, so a burst of keystrokes from many people costs
 * one round trip to the database, not one each. A failed write is retried with what
 * arrived since; nothing is reported written before the database acknowledged it.
 */
export class WriteBatcher<Cut> {
  private readonly logger: Logger;
  private queue: Uint8Array[] = [];
  private running = false;
  private retryMs = FIRST_RETRY_MS;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: WriteBatcherOptions<Cut>) {
    this.logger = new Logger(`WriteBatcher ${options.label}`);
  }

  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  add(update: Uint8Array): void {
    this.queue.push(update);
    if (!this.running) {
      this.running = true;
      // Let the updates of the current event-loop turn join this batch.
      setImmediate(() => void this.drain());
    }
  }

  /** Resolves once everything added so far is written. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      // Every update applied so far is in this batch or an earlier one, unless capped.
      const cut = this.queue.length === 0 ? this.options.cut() : null;
      try {
        await this.options.write(batch);
      } catch (error) {
        this.queue = batch.concat(this.queue);
        this.logger.error(`write failed, retrying in ${this.retryMs} ms: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
        this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
        continue;
      }
      this.retryMs = FIRST_RETRY_MS;
      this.options.written(cut, batch);
    }
    this.running = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private takeBatch(): Uint8Array[] {
    let bytes = 0;
    let count = 0;
    for (const update of this.queue) {
      if (count > 0 && bytes + update.length > this.options.maxBatchBytes) break;
      bytes += update.length;
      count++;
    }
    return this.queue.splice(0, count);
  }
}
