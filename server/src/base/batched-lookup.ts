/** The most keys one query asks for: a storm's lookups go in several queries of this size. */
const MOST_KEYS = 500;
/** How long what is asked waits for the query out before going anyway: one stuck query must not hold up every join. */
const WAIT_FOR_QUERY_OUT_MS = 20;

interface Waiting<Key, Value> {
  key: Key;
  answers: Array<{ resolve: (value: Value | undefined) => void; reject: (error: unknown) => void }>;
}

/**
 * Gathers the lookups of one kind and answers them together with one query (`$in`), as a
 * data loader does. When hundreds of sockets reconnect at once (a deploy, a network
 * blip), each asks who its session is and what its person may open; a round trip each is
 * most of what a storm costs the server and the database. Lookups asked in one
 * event-loop turn go together, and while a query is out, what is asked meanwhile waits
 * for it (WAIT_FOR_QUERY_OUT_MS at most) and goes in the next one, as a group commit
 * does: the busier the database, the fuller each query, and a lookup on its own still
 * goes at the end of its turn. Nothing is kept once answered.
 */
export class BatchedLookup<Key, Value> {
  private waiting = new Map<string, Waiting<Key, Value>>();
  private scheduled = false;
  /** Counts the runs, so that only the queries of the latest one release what waits. */
  private runs = 0;
  /** Set while what is asked waits for the queries out. */
  private holding: ReturnType<typeof setTimeout> | undefined;

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
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.holding !== undefined || this.waiting.size === 0) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(): void {
    const batch = [...this.waiting.values()];
    this.waiting = new Map();
    this.scheduled = false;
    if (batch.length === 0) return;
    clearTimeout(this.holding);
    this.holding = setTimeout(() => this.release(), WAIT_FOR_QUERY_OUT_MS);
    // A query of an earlier run that never answered must not keep later runs waiting
    // the full WAIT_FOR_QUERY_OUT_MS: what waits goes once this run's queries are in.
    const run = ++this.runs;
    let queriesOut = Math.ceil(batch.length / MOST_KEYS);
    for (let start = 0; start < batch.length; start += MOST_KEYS) {
      void this.answer(batch.slice(start, start + MOST_KEYS)).finally(() => {
        queriesOut--;
        if (queriesOut === 0 && run === this.runs) this.release();
      });
    }
  }

  private release(): void {
    clearTimeout(this.holding);
    this.holding = undefined;
    this.schedule();
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
