import { useQueryClient } from '@tanstack/react-query';
import { workspaceKeys } from './workspace-queries';

/**
 * After a membership change anything on the workspace page may differ, including
 * the caller's own role and permissions, so everything about the workspace is reloaded.
 */
export function useRefreshWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all(workspaceId) });
}
