import type { MemberSummary, Role } from '@coproduce/domain';
import { apiRequest, segment } from './request';

const membersPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/members`;

export function listMembers(workspaceId: string): Promise<MemberSummary[]> {
  return apiRequest<MemberSummary[]>('GET', membersPath(workspaceId));
}

export function changeMemberRole(
  workspaceId: string,
  userId: string,
  role: Role,
): Promise<MemberSummary> {
  return apiRequest<MemberSummary>('PATCH', `${membersPath(workspaceId)}/${segment(userId)}`, {
    role,
  });
}

export function removeMember(workspaceId: string, userId: string): Promise<void> {
  return apiRequest<void>('DELETE', `${membersPath(workspaceId)}/${segment(userId)}`);
}
