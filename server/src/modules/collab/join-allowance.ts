/**
 * How many `doc:join`s a connection may make now: a burst, then a steady rate (a token
 * bucket). Each join costs a membership lookup and perhaps a load from the store, so a
 * script looping over ids is slowed down while a person opening tabs never notices.
 */
export class JoinAllowance {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  /** Takes one join if there is one; false when the connection must wait. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(
      this.burst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds until the next join is allowed. */
  secondsUntilNext(): number {
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}
