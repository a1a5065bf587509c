/**
 * Lets simultaneous identical lookups share one database round trip. Nothing is kept
 * once the lookup settles, so an answer is never older than the request that asked.
 * (When hundreds of people open a document at the same moment — a meeting starting —
 * their joins ask the same questions together.)
 */
export class SharedLookup<Value> {
  private readonly inFlight = new Map<string, Promise<Value>>();

  get(key: string, lookup: () => Promise<Value>): Promise<Value> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = lookup().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
