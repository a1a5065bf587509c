/** The most keys one query asks for: a storm's lookups go in several queries of this size. */
const MOST_KEYS = 500;

interface Waiting<Key, Value> {
  key: Key;
  answers: Array<{ resolve: (value: Value | undefined) => void; reject: (error: unknown) => void }>;
}

/**
 * Gathers the lookups of one kind asked for in one event-loop turn and answers them all
 * with one query (`$in`), as a data loader does. When hundreds of sockets reconnect at
 * once (a deploy, a network blip), each asks who its session is and what its person may
 * open; a round trip each is most of what a storm costs the server and the database. A
 * lookup on its own waits a turn at most. Nothing is kept once answered.
 */
export class BatchedLookup<Key, Value> {
  private waiting = new Map<string, Waiting<Key, Value>>();
  private scheduled = false;

  /**
   * `lookUpMany` answers a batch of keys with what it found, by `keyOf`; a key it does not
   * answer was not found.
   */
  constructor(
    private readonly lookUpMany: (keys: Key[]) => Promise<Map<string, Value>>,
    private readonly keyOf: (key: Key) => string,
  ) {}

  get(key: Key): Promise<Value | undefined> {
    return new Promise((resolve, reject) => {
      const id = this.keyOf(key);
      let waiting = this.waiting.get(id);
      if (!waiting) this.waiting.set(id, (waiting = { key, answers: [] }));
      waiting.answers.push({ resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.run());
    });
  }

  private run(): void {
    const batch = [...this.waiting.values()];
    this.waiting = new Map();
    this.scheduled = false;
    for (let start = 0; start < batch.length; start += MOST_KEYS) {
      void this.answer(batch.slice(start, start + MOST_KEYS));
    }
  }

  private async answer(batch: Waiting<Key, Value>[]): Promise<void> {
    try {
      const found = await this.lookUpMany(batch.map((waiting) => waiting.key));
      for (const waiting of batch) {
        const value = found.get(this.keyOf(waiting.key));
        for (const { resolve } of waiting.answers) resolve(value);
      }
    } catch (error) {
      for (const waiting of batch) for (const { reject } of waiting.answers) reject(error);
    }
  }
}
