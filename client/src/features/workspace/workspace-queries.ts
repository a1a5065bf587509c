import { useQuery } from '@tanstack/react-query';
import { listInvitations } from '../../api/invitations';
import { listMembers } from '../../api/members';
import { listSpecifications } from '../../api/specifications';
import { getWorkspace } from '../../api/workspaces';
import { answeringFromKept, keptAnswer } from '../../session/kept-answers';

/** Query keys, nested under the workspace so one invalidation refreshes the whole page. */
export const workspaceKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId] as const,
  detail: (workspaceId: string) => ['workspace', workspaceId, 'detail'] as const,
  specifications: (workspaceId: string) => ['workspace', workspaceId, 'specifications'] as const,
  members: (workspaceId: string) => ['workspace', workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => ['workspace', workspaceId, 'invitations'] as const,
  audit: (workspaceId: string) => ['workspace', workspaceId, 'audit'] as const,
};

// Both kept on the device for when it is offline, so a specification reopens there.
export function useWorkspace(workspaceId: string) {
  const queryKey = workspaceKeys.detail(workspaceId);
  return useQuery({
    queryKey,
    queryFn: answeringFromKept(queryKey, () => getWorkspace(workspaceId)),
    initialData: () => keptAnswer(queryKey),
    initialDataUpdatedAt: 0,
  });
}

export function useSpecifications(workspaceId: string) {
  const queryKey = workspaceKeys.specifications(workspaceId);
  return useQuery({
    queryKey,
    queryFn: answeringFromKept(queryKey, () => listSpecifications(workspaceId)),
    initialData: () => keptAnswer(queryKey),
    initialDataUpdatedAt: 0,
  });
}

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKeys.members(workspaceId),
    queryFn: () => listMembers(workspaceId),
  });
}

export function useInvitations(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKeys.invitations(workspaceId),
    queryFn: () => listInvitations(workspaceId),
  });
}
