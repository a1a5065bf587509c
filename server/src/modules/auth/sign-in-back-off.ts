import { Injectable } from '@nestjs/common';
import { normaliseEmail } from '../accounts/accounts.service';

/**
 * Wrong passwords are slowed per email *and* address: a few free tries, then a wait that
 * doubles with each further failure, up to a ceiling. Counted per pair, so someone
 * guessing from elsewhere can never lock the account's owner out where they are; how
 * fast one address may try many emails is the `per-address` throttler's job. Signing in
 * clears the pair.
 */
export const SIGN_IN_BACK_OFF = {
  freeFailures: 5,
  firstWaitMs: 1_000,
  longestWaitMs: 15 * 60_000,
};

interface Failures {
  count: number;
  lastAt: number;
}

/** Kept in this node's memory, like the throttlers' counts. */
@Injectable()
export class SignInBackOff {
  // Oldest last failure first: re-inserted on every failure.
  private readonly byPair = new Map<string, Failures>();

  /** How long this email must wait before trying again from this address; 0 if not. */
  waitMs(email: string, address: string): number {
    this.forgetQuiet();
    const failures = this.byPair.get(pairOf(email, address));
    if (!failures) return 0;
    return Math.max(0, failures.lastAt + waitAfter(failures.count) - this.now());
  }

  failed(email: string, address: string): void {
    this.forgetQuiet();
    const key = pairOf(email, address);
    const count = (this.byPair.get(key)?.count ?? 0) + 1;
    this.byPair.delete(key);
    this.byPair.set(key, { count, lastAt: this.now() });
  }

  signedIn(email: string, address: string): void {
    this.byPair.delete(pairOf(email, address));
  }

  /** The clock; a test replaces it. */
  protected now(): number {
    return Date.now();
  }

  /**
   * A pair quiet for longer than the longest wait starts afresh, which also bounds the
   * memory kept to the pairs that failed in the last quarter of an hour.
   */
  private forgetQuiet(): void {
    const now = this.now();
    for (const [key, failures] of this.byPair) {
      if (now - failures.lastAt <= SIGN_IN_BACK_OFF.longestWaitMs) return;
      this.byPair.delete(key);
    }
  }
}

/** The wait after `count` failures in a row. */
export function waitAfter(count: number): number {
  const { freeFailures, firstWaitMs, longestWaitMs } = SIGN_IN_BACK_OFF;
  if (count < freeFailures) return 0;
  // Capped before it is computed: 2 ** large is Infinity.
  const doublings = Math.min(count - freeFailures, 30);
  return Math.min(firstWaitMs * 2 ** doublings, longestWaitMs);
}

function pairOf(email: string, address: string): string {
  return `${normaliseEmail(email)}|${address}`;
}

/** A wait in words a person reads at a glance: "5 seconds", "2 minutes". */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
