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
 * typing), and each write costs both sides far more than its entries do. And a write
 * starts no sooner than `lingerMs` after the oldest edit it holds reached the server, so
 * that edit has reached everyone editing (the relay goes out as it is applied) before the
 * write competes with their delivery for the machine: on a host that runs the database
 * too, a write started at once takes a core while thirty people's editors are still being
 * sent the keystroke. The caller says when its edits arrived: entries that waited for
 * their document's previous write have had their linger already.
 */
export class LogAppendCoalescer<Entry> {
  private queued: Entry[] = [];
  private callers: Caller[] = [];
  private writing = false;
  /** The pending start of the next write, and when it is due. */
  private scheduled: { at: number; cancel: () => void } | null = null;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** When the oldest edit now queued reached the server. */
  private oldestQueuedAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly write: (entries: Entry[]) => Promise<RefusedEntries>,
    private readonly timing: { spacingMs: number; lingerMs: number } = {
      spacingMs: 0,
      lingerMs: 0,
    },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Queues entries for the next write. `arrivedAt` (on this coalescer's clock) is when the
   * oldest of their edits reached the server; by default, now.
   */
  append(entries: Entry[], arrivedAt: number = this.now()): Promise<void> {
    return new Promise((resolve, reject) => {
      this.oldestQueuedAt = Math.min(this.oldestQueuedAt, arrivedAt);
      this.callers.push({ first: this.queued.length, count: entries.length, resolve, reject });
      this.queued.push(...entries);
      this.schedule();
    });
  }

  /** Starts the next write when it is due, or sooner than planned if older edits came in. */
  private schedule(): void {
    if (this.writing) return;
    const startAt = Math.max(
      this.lastWriteAt + this.timing.spacingMs,
      this.oldestQueuedAt + this.timing.lingerMs,
    );
    if (this.scheduled) {
      if (startAt >= this.scheduled.at) return;
      this.scheduled.cancel();
    }
    const start = (): void => {
      this.scheduled = null;
      void this.flush();
    };
    const now = this.now();
    if (startAt > now) {
      const timer = setTimeout(start, startAt - now);
      this.scheduled = { at: startAt, cancel: () => clearTimeout(timer) };
    } else {
      // Already as soon as it can be: nothing that comes in later starts it sooner.
      const immediate = setImmediate(start);
      this.scheduled = { at: Number.NEGATIVE_INFINITY, cancel: () => clearImmediate(immediate) };
    }
  }

  private async flush(): Promise<void> {
    const entries = this.queued;
    const callers = this.callers;
    this.queued = [];
    this.callers = [];
    this.oldestQueuedAt = Number.POSITIVE_INFINITY;
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
