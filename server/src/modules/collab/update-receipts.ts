interface ConnectionReceipts {
  /** Update-bearing frames received from this connection since it joined. */
  received: number;
  /** Frames not yet durable, oldest first: frame number and the write count it waits for. */
  waiting: Array<{ frame: number; mark: number }>;
  /** Frames durable (or holding nothing new), in order. */
  saved: number;
  /** What this connection was last told `updatesSaved` is. */
  told: number;
  /** A frame was refused: nothing after it will be saved, so nothing more is kept. */
  blocked: boolean;
}

/**
 * Which of each connection's update frames are durable. A state vector tells a client
 * its insertions are saved but not its deletions; counting frames tells it both.
 *
 * The document's updates are written in the order they were applied, so a frame is
 * durable once the number of updates written reaches the number applied when the
 * frame had been handled (its mark): that covers its own update and any earlier one
 * holding the same content.
 */
export class UpdateReceipts {
  private readonly connections = new Map<string, ConnectionReceipts>();
  private written = 0;

  /** A member joined (or joined again): their count starts from zero. */
  joined(connectionId: string): void {
    this.connections.set(connectionId, {
      received: 0,
      waiting: [],
      saved: 0,
      told: 0,
      blocked: false,
    });
  }

  left(connectionId: string): void {
    this.connections.delete(connectionId);
  }

  /**
   * An update frame from `connectionId` has been handled; `appliedSoFar` is how many
   * updates the document had applied (and queued to write) by then.
   */
  handled(connectionId: string, appliedSoFar: number): void {
    const receipts = this.connections.get(connectionId);
    if (!receipts) return;
    receipts.received++;
    if (receipts.blocked) return;
    receipts.waiting.push({ frame: receipts.received, mark: appliedSoFar });
    this.settle(receipts);
  }

  /** An update frame was refused: it, and every frame after it, will not be saved. */
  refused(connectionId: string): void {
    const receipts = this.connections.get(connectionId);
    if (!receipts) return;
    receipts.received++;
    receipts.blocked = true;
  }

  /** The first `count` updates the document applied are durable. */
  writtenThrough(count: number): void {
    this.written = Math.max(this.written, count);
    for (const receipts of this.connections.values()) this.settle(receipts);
  }

  /** Connections whose saved count moved since they were last told, with that count. */
  takeOwed(): Array<[connectionId: string, updatesSaved: number]> {
    const owed: Array<[string, number]> = [];
    for (const [connectionId, receipts] of this.connections) {
      if (receipts.saved === receipts.told) continue;
      receipts.told = receipts.saved;
      owed.push([connectionId, receipts.saved]);
    }
    return owed;
  }

  /** Connections with updates handled but not yet durable. */
  waitingConnections(): string[] {
    return [...this.connections]
      .filter(([, receipts]) => receipts.waiting.length > 0)
      .map(([connectionId]) => connectionId);
  }

  private settle(receipts: ConnectionReceipts): void {
    let settled = 0;
    while (settled < receipts.waiting.length && receipts.waiting[settled].mark <= this.written) {
      receipts.saved = receipts.waiting[settled].frame;
      settled++;
    }
    if (settled > 0) receipts.waiting.splice(0, settled);
  }
}
