import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, mergeMap, throwError, type Observable } from 'rxjs';
import type { WorkspaceRequest } from '../access/workspace-request';
import { AuditService } from './audit.service';
import {
  AUDITED,
  AUDITED_BY_SERVICE,
  AUDITED_REFUSAL,
  type AuditDescription,
  type AuditedMetadata,
  type AuditedRefusalMetadata,
} from '../../base/audited.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every successful state-changing request before its response is
 * sent, so nothing a client saw succeed is missing from the log; and the refusals a
 * route declares with `@AuditedRefusal`, without holding the answer up (how long a
 * refusal takes must not tell whether it was recorded, say whether an account exists).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    if (SAFE_METHODS.has(request.method)) return next.handle();
    if (this.reflector.get<boolean | undefined>(AUDITED_BY_SERVICE, context.getHandler())) {
      return next.handle();
    }
    const audited = this.reflector.get<AuditedMetadata | undefined>(AUDITED, context.getHandler());
    const refusal = this.reflector.get<AuditedRefusalMetadata | undefined>(
      AUDITED_REFUSAL,
      context.getHandler(),
    );
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const description: AuditDescription = audited
          ? audited.describe({ request, result })
          : {
              target: {
                type: 'route',
                id: request.route ? String((request.route as { path: unknown }).path) : null,
              },
            };
        await this.record(request, description.action ?? audited?.action, description);
        return result;
      }),
      catchError((error: unknown) => {
        const description = refusal?.describe({ request, error });
        if (refusal && description) {
          this.record(request, description.action ?? refusal.action, description).catch(
            (failure: unknown) =>
              this.logger.error({ err: failure }, `recording ${refusal.action} failed`),
          );
        }
        return throwError(() => error);
      }),
    );
  }

  private record(
    request: WorkspaceRequest,
    action: string | undefined,
    description: AuditDescription,
  ): Promise<void> {
    return this.audit.record({
      action: action ?? `${request.method} ${request.path}`,
      workspaceId: description.workspaceId ?? request.membership?.workspaceId ?? null,
      actorId:
        description.actorId !== undefined ? description.actorId : (request.auth?.user._id ?? null),
      target: description.target,
      detail: description.detail,
    });
  }
}
