import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { AuthenticatedRequest } from '../auth/request-auth';

/** The caller's membership of the workspace in the route, set by the access guard. */
export interface RequestMembership {
  workspaceId: Types.ObjectId;
  role: Role;
}

/** A request both guards have seen: on `@Allow(...)` routes it carries the membership. */
export interface WorkspaceRequest extends AuthenticatedRequest {
  membership?: RequestMembership;
}

/** The caller's membership of `:workspaceId`; only on routes guarded by `@Allow(...)`. */
export const CurrentMembership = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<WorkspaceRequest>();
  if (!request.membership) throw new Error('CurrentMembership used on a route without @Allow');
  return request.membership;
});
