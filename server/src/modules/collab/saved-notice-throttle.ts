/**
 * Paces `doc:saved` for one document. Under a burst every write batch holds an update
 * or two, and telling every member after each would double the messages of the burst;
 * so the first acknowledgement goes out at once and later ones at most once per
 * interval, each carrying the newest durable state vector (which covers the older).
 */
export class SavedNoticeThrottle {
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly send: () => void,
  ) {}

  /** Something new is durable: tell the members now or at the end of the interval. */
  durable(): void {
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.timer = setTimeout(() => this.fire(), wait);
  }

  /** Sends a pending notice now (before unloading). */
  flush(): void {
    if (this.timer) this.fire();
  }

  private fire(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastSentAt = Date.now();
    this.send();
  }
}
