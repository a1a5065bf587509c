import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { UserDocument } from '../accounts/user.schema';
import type { WorkspaceRequest } from './workspace-request';

/** Who is asking: their membership of the workspace in the path, and who they are. */
export interface WorkspaceCaller {
  workspaceId: Types.ObjectId;
  role: Role;
  user: UserDocument;
}

/** The caller of a route guarded by `@Allow(...)`: its membership and its user in one. */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): WorkspaceCaller => {
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    if (!request.membership || !request.auth) {
      throw new Error('CurrentCaller used on a route without @Allow');
    }
    return {
      workspaceId: request.membership.workspaceId,
      role: request.membership.role,
      user: request.auth.user,
    };
  },
);
