import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Conflict, Forbidden, NotFound } from '../../base/errors';
import { parseObjectId } from '../../base/object-id.pipe';
import { ACCESS_RULE, type AccessRule } from '../../base/access-rule.decorators';
import { AccessPolicy } from './access-policy';
import type { WorkspaceRequest } from './workspace-request';
import { WorkspaceRoles } from './workspace-roles';

const READS = new Set(['GET', 'HEAD']);

/**
 * For `@Allow(action)` routes: the caller must be a member of `:workspaceId`
 * (otherwise the workspace does not exist for them: 404) and their role must
 * allow the action (otherwise 403). The membership is read on every request,
 * so a removed member or a changed role takes effect at once.
 */
@Injectable()
export class WorkspaceAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly roles: WorkspaceRoles,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind !== 'workspace') return true;
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    const workspaceId = parseObjectId(request.params['workspaceId']);
    if (!workspaceId || !request.auth) throw new NotFound('that workspace');
    const membership = await this.roles.findMembership(workspaceId, request.auth.user._id);
    if (!membership) throw new NotFound('that workspace');
    const { role } = membership;
    if (!AccessPolicy.can(role, rule.action)) throw new Forbidden();
    if (membership.workspaceArchived && !READS.has(request.method) && !rule.whileArchived) {
      throw new Conflict(
        'This workspace is archived, so nothing in it can change. A commissioner can restore it from the workspace page.',
      );
    }
    request.membership = { workspaceId, role };
    return true;
  }
}
