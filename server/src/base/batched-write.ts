/** The most items one write carries: a storm's writes go in several of this size. */
const MOST_ITEMS = 500;

interface Waiting<Item> {
  item: Item;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers writes of one kind and makes them together with one call (a bulk write), as a
 * group commit does: what is asked within `gatherMs` of the first goes together (in one
 * event-loop turn when 0), and while a write is out, what is asked meanwhile goes in the
 * next one, in order. After a storm of reconnections every editor's "edited" notice falls
 * due within the same second, and a round trip each was hundreds of commands at once,
 * every 30 seconds. Each caller learns how its own batch went.
 */
export class BatchedWrite<Item> {
  private waiting: Waiting<Item>[] = [];
  /** Something is waiting or being written: a drain is due or under way. */
  private writing = false;
  private draining: Promise<void> | null = null;
  /** Cancels the drain that is due, when one is. */
  private cancelDue: (() => void) | null = null;

  constructor(
    private readonly writeMany: (items: Item[]) => Promise<void>,
    private readonly gatherMs = 0,
  ) {}

  write(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      if (this.gatherMs > 0) {
        const timer = setTimeout(() => this.startDrain(), this.gatherMs);
        this.cancelDue = () => clearTimeout(timer);
      } else {
        const immediate = setImmediate(() => this.startDrain());
        this.cancelDue = () => clearImmediate(immediate);
      }
    });
  }

  /**
   * Writes what is gathered now rather than at the end of its gather time, and resolves
   * once nothing is waiting or being written: for a stop, before the database closes, so
   * the notices of the last moment are not lost.
   */
  async settle(): Promise<void> {
    // Again while anything waits: a write asked for just as a drain ended, before that
    // drain's promise was let go, has no drain of its own yet.
    while (this.writing) {
      this.startDrain();
      await this.draining;
    }
  }

  private startDrain(): void {
    this.cancelDue?.();
    this.cancelDue = null;
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MOST_ITEMS);
      try {
        await this.writeMany(batch.map((waiting) => waiting.item));
        for (const { resolve } of batch) resolve();
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    this.writing = false;
  }
}
