/**
 * Group commit across documents: appends that several open documents ask for in the
 * same event-loop turn go to the database as one write. Each caller learns the outcome
 * of the write that held its entries; when it fails, every caller in it retries (an
 * entry stored twice is harmless to Yjs).
 */
export class LogAppendCoalescer<Entry> {
  private queued: Entry[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(private readonly write: (entries: Entry[]) => Promise<void>) {}

  append(entries: Entry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.waiters.length === 0) setImmediate(() => void this.flush());
      this.queued.push(...entries);
      this.waiters.push({ resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const entries = this.queued;
    const waiters = this.waiters;
    this.queued = [];
    this.waiters = [];
    try {
      await this.write(entries);
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
  }
}
