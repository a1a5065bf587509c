import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Attempts on one account from anywhere: a guess spread over many addresses is slowed
 * too. Above the per-address-and-email limit (10 a minute), so one person mistyping
 * from one place meets that limit first; a deliberate flood can hold the account's
 * sign-in back for at most this window.
 */
export const SIGN_IN_PER_EMAIL = { limit: 20, ttl: 5 * 60_000 };

/**
 * Limits sign-in attempts per address *and* email, so guessing one person's
 * password is slowed without locking out everyone behind the same NAT. The
 * `per-address` throttler keeps its own tracker, the address alone; the
 * `per-email` throttler, added here because only sign-in has an email to count
 * by, tracks the email alone.
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers.push({
      name: 'per-email',
      ...SIGN_IN_PER_EMAIL,
      getTracker: (request) => Promise.resolve(emailOf(request)),
      // A body without an email is refused by validation anyway; it counts against no one.
      skipIf: (context: ExecutionContext) =>
        emailOf(context.switchToHttp().getRequest<Record<string, unknown>>()) === '',
    });
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(`${String(request.ip)}|${emailOf(request)}`);
  }
}

function emailOf(request: Record<string, unknown>): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}
