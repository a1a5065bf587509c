import { useQuery } from '@tanstack/react-query';
import { listInvitations } from '../../api/invitations';
import { listMembers } from '../../api/members';
import { listSpecifications } from '../../api/specifications';
import { getWorkspace } from '../../api/workspaces';

/** Query keys, nested under the workspace so one invalidation refreshes the whole page. */
export const workspaceKeys = {
  all: (workspaceId: string) => ['workspace', workspaceId] as const,
  detail: (workspaceId: string) => ['workspace', workspaceId, 'detail'] as const,
  specifications: (workspaceId: string) => ['workspace', workspaceId, 'specifications'] as const,
  members: (workspaceId: string) => ['workspace', workspaceId, 'members'] as const,
  invitations: (workspaceId: string) => ['workspace', workspaceId, 'invitations'] as const,
  audit: (workspaceId: string) => ['workspace', workspaceId, 'audit'] as const,
};

export function useWorkspace(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKeys.detail(workspaceId),
    queryFn: () => getWorkspace(workspaceId),
  });
}

export function useSpecifications(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKeys.specifications(workspaceId),
    queryFn: () => listSpecifications(workspaceId),
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
