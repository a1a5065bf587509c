import type { Role } from '@coproduce/domain';
import type { Types } from 'mongoose';
import type { RequestMembership } from '../access/workspace-request';
import type { UserDocument } from '../accounts/user.schema';

/** Who is asking: their membership of the workspace in the path, and who they are. */
export interface PublishingCaller {
  workspaceId: Types.ObjectId;
  role: Role;
  user: UserDocument;
}

export function publishingCaller(
  membership: RequestMembership,
  user: UserDocument,
): PublishingCaller {
  return { workspaceId: membership.workspaceId, role: membership.role, user };
}
