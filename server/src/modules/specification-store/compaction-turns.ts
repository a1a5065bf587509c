/**
 * Compactions take turns, one at a time on this node, each starting in an event-loop turn
 * of its own. A compaction encodes its document's whole state (milliseconds for a busy
 * one, with nothing else running) and then rewrites its snapshot and deletes the folded
 * entries. Documents opened together (every editor reconnecting after a deploy) reach
 * their thresholds together: twenty compactions at once stalled every live edit for a
 * tenth of a second and the database's writes for longer (issue 17's fan-out profile).
 * In turns, relays and log writes go on between them.
 */
export class CompactionTurns {
  private readonly waiting: Array<() => void> = [];
  private running = false;

  run<T>(compaction: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        compaction()
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.startNext();
          });
      });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = true;
    const next = this.waiting.shift()!;
    setImmediate(next);
  }
}

/** The node's turns: every open specification's log compacts through them. */
export const compactionTurns = new CompactionTurns();
