import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import type { WorkspaceRequest } from '../access/workspace-request';
import { AuditService } from './audit.service';
import {
  AUDITED,
  AUDITED_BY_SERVICE,
  type AuditDescription,
  type AuditedMetadata,
} from '../../base/audited.decorator';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every successful state-changing request before its response is
 * sent, so nothing a client saw succeed is missing from the log.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
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
        await this.audit.record({
          action: description.action ?? audited?.action ?? `${request.method} ${request.path}`,
          workspaceId: description.workspaceId ?? request.membership?.workspaceId ?? null,
          actorId: description.actorId ?? request.auth?.user._id ?? null,
          target: description.target,
          detail: description.detail,
        });
        return result;
      }),
    );
  }
}
