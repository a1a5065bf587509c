import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type CanActivate,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { tap, type Observable } from 'rxjs';
import { configuredValue } from '../../base/config';
import { TooManyRequests } from '../../base/errors';
import type { AuthenticatedRequest } from './request-auth';
import { waitInWords } from './sign-in-back-off';

const HOUR_MS = 60 * 60 * 1000;
/** Past this many accounts tracked, expired ones are swept out. */
const SWEEP_ABOVE_ACCOUNTS = 10_000;

type HourlyQuota = 'WORKSPACES_PER_HOUR' | 'SPECIFICATIONS_PER_HOUR';

const QUOTA = 'coproduce:creation-quota';

/**
 * What each account created in the last hour, by quota. Only what was created counts: a
 * mistyped form or a refused request costs nothing, and one account cannot fill the
 * store however many addresses it calls from. Kept per node, like the sign-in limits.
 */
@Injectable()
export class CreationLedger {
  private readonly created = new Map<string, number[]>();

  /** Milliseconds until the account may create again; 0 when it may now. */
  waitMs(quota: HourlyQuota, accountId: string, now = Date.now()): number {
    const recent = this.recent(`${quota}:${accountId}`, now);
    const limit = configuredValue(quota);
    if (recent.length < limit) return 0;
    return recent[recent.length - limit]! + HOUR_MS - now;
  }

  record(quota: HourlyQuota, accountId: string, now = Date.now()): void {
    const key = `${quota}:${accountId}`;
    const recent = this.recent(key, now);
    recent.push(now);
    this.created.set(key, recent);
    if (this.created.size > SWEEP_ABOVE_ACCOUNTS) this.sweep(now);
  }

  private recent(key: string, now: number): number[] {
    return (this.created.get(key) ?? []).filter((at) => at > now - HOUR_MS);
  }

  private sweep(now: number): void {
    for (const key of this.created.keys()) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.created.delete(key);
      else this.created.set(key, recent);
    }
  }
}

function quotaOf(reflector: Reflector, context: ExecutionContext): HourlyQuota | undefined {
  return reflector.get<HourlyQuota | undefined>(QUOTA, context.getHandler());
}

function accountOf(context: ExecutionContext): string | undefined {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().auth?.user.id;
}

/** Refuses a creation once the account has used its hourly quota, saying how long to wait. */
@Injectable()
export class CreationQuotaGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ledger: CreationLedger,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const quota = quotaOf(this.reflector, context);
    const accountId = accountOf(context);
    if (!quota || !accountId) return true;
    const waitMs = this.ledger.waitMs(quota, accountId);
    if (waitMs <= 0) return true;
    throw Object.assign(new TooManyRequests(waitInWords(waitMs)), {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
}

/** Counts a creation against the account's quota once it has succeeded. */
@Injectable()
export class CreationQuotaCounter implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly ledger: CreationLedger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const quota = quotaOf(this.reflector, context);
    const accountId = accountOf(context);
    return next.handle().pipe(
      tap(() => {
        if (quota && accountId) this.ledger.record(quota, accountId);
      }),
    );
  }
}

/**
 * At most the setting's number of creations an hour for each account, on a signed-in
 * route. The module whose controller uses it provides `CreationLedger` (AuthModule exports it).
 */
export function CreationQuota(setting: HourlyQuota): MethodDecorator {
  return applyDecorators(
    SetMetadata(QUOTA, setting),
    UseGuards(CreationQuotaGuard),
    UseInterceptors(CreationQuotaCounter),
  );
}
