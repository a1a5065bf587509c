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
 * Group commit across documents: one write at a time, holding every append that open
 * documents asked for while the previous write was in flight (or, when idle, in the
 * same event-loop turn). Under load a write carries many documents' updates, so the
 * database sees a few large writes rather than one per keystroke. Each caller learns
 * the outcome of its own entries: an entry the database refuses (a duplicate seq, a
 * failed validation) fails only the caller it came from, so one document's bad entry
 * never holds up the others. A write that fails as a whole fails every caller in it,
 * and each retries (an entry stored twice is harmless to Yjs).
 *
 * Writes start at least `spacingMs` apart: when the database answers quickly, a write
 * would otherwise leave with whatever one turn held (a single keystroke under steady
 * typing), and each write costs both sides far more than its entries do. And an entry
 * waits `lingerMs` after it was asked for before its write starts, so the edit it holds
 * has reached everyone editing (the relay goes out as it is applied) before the write
 * competes with their delivery for the machine: on a host that runs the database too, a
 * write started at once takes a core while thirty people's editors are still being sent
 * the keystroke.
 */
export class LogAppendCoalescer<Entry> {
  private queued: Entry[] = [];
  private callers: Caller[] = [];
  private writing = false;
  private scheduled = false;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** When the first entry now queued was asked for. */
  private firstQueuedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly write: (entries: Entry[]) => Promise<RefusedEntries>,
    private readonly timing: { spacingMs: number; lingerMs: number } = {
      spacingMs: 0,
      lingerMs: 0,
    },
    private readonly now: () => number = () => performance.now(),
  ) {}

  append(entries: Entry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.callers.length === 0) this.firstQueuedAt = this.now();
      this.callers.push({ first: this.queued.length, count: entries.length, resolve, reject });
      this.queued.push(...entries);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    const start = (): void => {
      this.scheduled = false;
      void this.flush();
    };
    const startAt = Math.max(
      this.lastWriteAt + this.timing.spacingMs,
      this.firstQueuedAt + this.timing.lingerMs,
    );
    const wait = startAt - this.now();
    if (wait > 0) setTimeout(start, wait);
    else setImmediate(start);
  }

  private async flush(): Promise<void> {
    const entries = this.queued;
    const callers = this.callers;
    this.queued = [];
    this.callers = [];
    this.writing = true;
    this.lastWriteAt = this.now();
    let refused: RefusedEntries;
    try {
      refused = await this.write(entries);
    } catch (error) {
      for (const caller of callers) caller.reject(error);
      return;
    } finally {
      this.writing = false;
      if (this.callers.length > 0) this.schedule();
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
