import { Injectable } from '@nestjs/common';
import { normaliseEmail } from '../accounts/accounts.service';

/**
 * Wrong passwords for one account, from any address: a guess spread over many
 * addresses is slowed, which the per-address throttlers cannot do. Only failures
 * count, so the account's owner signing in, and requests refused as malformed, use
 * up nothing. Above the per-address-and-email throttle (10 a minute), so one person
 * mistyping from one place meets that first; the cost is that a flood of wrong
 * passwords can hold the account's sign-in back for up to one window.
 */
export const FAILED_SIGN_INS_PER_EMAIL = { limit: 20, windowMs: 5 * 60_000 };

/** Kept in this node's memory, like the throttlers' counts. */
@Injectable()
export class FailedSignIns {
  // In insertion order, which is window-end order: the window length is fixed.
  private readonly byEmail = new Map<string, { failures: number; windowEndsAt: number }>();

  isHeldBack(email: string): boolean {
    this.forgetEnded();
    const entry = this.byEmail.get(normaliseEmail(email));
    return entry !== undefined && entry.failures >= FAILED_SIGN_INS_PER_EMAIL.limit;
  }

  record(email: string): void {
    this.forgetEnded();
    const key = normaliseEmail(email);
    const entry = this.byEmail.get(key);
    if (entry) entry.failures += 1;
    else
      this.byEmail.set(key, {
        failures: 1,
        windowEndsAt: this.now() + FAILED_SIGN_INS_PER_EMAIL.windowMs,
      });
  }

  /** The clock; a test replaces it. */
  protected now(): number {
    return Date.now();
  }

  /** Oldest first, so memory stays bounded by one window's worth of failing emails. */
  private forgetEnded(): void {
    const now = this.now();
    for (const [email, entry] of this.byEmail) {
      if (entry.windowEndsAt > now) return;
      this.byEmail.delete(email);
    }
  }
}
