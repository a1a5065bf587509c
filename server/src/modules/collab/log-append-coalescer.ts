/**
 * What one write did with its entries: the index of each entry the database refused, and
 * why. Empty when every entry was stored. A write that cannot say which entries were
 * stored (the command failed as a whole) rejects instead.
 */
export type RefusedEntries = ReadonlyMap<number, Error>;

interface Caller {
  /** Where this caller's entries start in the write, and how many there are. */
  first: number;
  count: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit across documents: appends that several open documents ask for in the
 * same event-loop turn go to the database as one unordered write. Each caller learns
 * the outcome of its own entries: an entry the database refuses (a duplicate seq, a
 * failed validation) fails only the caller it came from, so one document's bad entry
 * never holds up the others. A write that fails as a whole fails every caller in it,
 * and each retries (an entry stored twice is harmless to Yjs).
 */
export class LogAppendCoalescer<Entry> {
  private queued: Entry[] = [];
  private callers: Caller[] = [];

  constructor(private readonly write: (entries: Entry[]) => Promise<RefusedEntries>) {}

  append(entries: Entry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.callers.length === 0) setImmediate(() => void this.flush());
      this.callers.push({ first: this.queued.length, count: entries.length, resolve, reject });
      this.queued.push(...entries);
    });
  }

  private async flush(): Promise<void> {
    const entries = this.queued;
    const callers = this.callers;
    this.queued = [];
    this.callers = [];
    let refused: RefusedEntries;
    try {
      refused = await this.write(entries);
    } catch (error) {
      for (const caller of callers) caller.reject(error);
      return;
    }
    for (const caller of callers) {
      const refusal = firstRefusal(refused, caller);
      if (refusal) caller.reject(refusal);
      else caller.resolve();
    }
  }
}

function firstRefusal(refused: RefusedEntries, caller: Caller): Error | undefined {
  if (refused.size === 0) return undefined;
  for (let index = caller.first; index < caller.first + caller.count; index++) {
    const refusal = refused.get(index);
    if (refusal) return refusal;
  }
  return undefined;
}
