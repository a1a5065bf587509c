import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Limits sign-in attempts per address *and* email, so guessing one person's
 * password is slowed without locking out everyone behind the same NAT. (The
 * `per-address` throttler keeps its own tracker, the address alone.)
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(request.ip)}|${email}`);
  }
}
