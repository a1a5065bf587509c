import type { ChangeMemberRequest, MemberChange, MemberSummary } from '@coproduce/domain';
import { apiRequest, segment } from './request';

const memberPath = (workspaceId: string, userId?: string) =>
  `/workspaces/${segment(workspaceId)}/members${userId === undefined ? '' : `/${segment(userId)}`}`;

export function listMembers(workspaceId: string): Promise<MemberSummary[]> {
  return apiRequest<MemberSummary[]>('GET', memberPath(workspaceId));
}

export function changeMember(
  workspaceId: string,
  userId: string,
  change: ChangeMemberRequest,
): Promise<MemberChange> {
  return apiRequest<MemberChange>('PATCH', memberPath(workspaceId, userId), change);
}

export function removeMember(workspaceId: string, userId: string): Promise<void> {
  return apiRequest<void>('DELETE', memberPath(workspaceId, userId));
}
