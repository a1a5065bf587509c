import type {
  ChangeMemberRoleRequest,
  MemberRoleChange,
  MemberSummary,
  Role,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

const memberPath = (workspaceId: string, userId?: string) =>
  `/workspaces/${segment(workspaceId)}/members${userId === undefined ? '' : `/${segment(userId)}`}`;

export function listMembers(workspaceId: string): Promise<MemberSummary[]> {
  return apiRequest<MemberSummary[]>('GET', memberPath(workspaceId));
}

export function changeMemberRole(
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberRoleChange> {
  const request: ChangeMemberRoleRequest = { role };
  return apiRequest<MemberRoleChange>('PATCH', memberPath(workspaceId, userId), request);
}

export function removeMember(workspaceId: string, userId: string): Promise<void> {
  return apiRequest<void>('DELETE', memberPath(workspaceId, userId));
}
