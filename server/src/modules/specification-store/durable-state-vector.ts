import { Y } from '@coproduce/protocol';

/**
 * What is durable of a specification, as a Yjs state vector, built from the updates that
 * were actually written rather than from the live document, which may also hold updates
 * still in flight (or, with several nodes, ones another node is writing). A client's range
 * counts only when it follows on from what is already durable: a gap means some of that
 * client's updates are not known to be written yet.
 */
export class DurableStateVector {
  private readonly clocks: Map<number, number>;
  private encoded: Uint8Array | null = null;

  /** Starts from the state vector of what was read from the store. */
  constructor(stored: Uint8Array) {
    this.clocks = Y.decodeStateVector(stored);
  }

  written(entries: ReadonlyArray<{ update: Uint8Array }>): void {
    for (const { update } of entries) {
      const { from, to } = Y.parseUpdateMeta(update);
      for (const [client, end] of to) {
        const durable = this.clocks.get(client) ?? 0;
        const start = from.get(client) ?? 0;
        if (start <= durable && end > durable) {
          this.clocks.set(client, end);
          this.encoded = null;
        }
      }
    }
  }

  encode(): Uint8Array {
    this.encoded ??= Y.encodeStateVector(this.clocks);
    return this.encoded;
  }
}
