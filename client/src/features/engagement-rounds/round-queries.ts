import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRound, listRoundChanges, listRounds } from '../../api/engagement-rounds';

/** Query keys, all under the workspace's rounds: one action (closing, a decision) refreshes the lot. */
export const roundKeys = {
  all: (workspaceId: string) => ['engagement-rounds', workspaceId] as const,
  list: (workspaceId: string) => ['engagement-rounds', workspaceId, 'list'] as const,
  round: (workspaceId: string, roundId: string) =>
    ['engagement-rounds', workspaceId, 'round', roundId] as const,
  changes: (workspaceId: string, roundId: string) =>
    ['engagement-rounds', workspaceId, 'changes', roundId] as const,
};

/** After any change to a round: every round screen of the workspace asks again. */
export function useRefreshRounds(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: roundKeys.all(workspaceId) });
}

export function useRounds(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: roundKeys.list(workspaceId),
    queryFn: () => listRounds(workspaceId),
    enabled,
  });
}

export function useRound(workspaceId: string, roundId: string) {
  return useQuery({
    queryKey: roundKeys.round(workspaceId, roundId),
    queryFn: () => getRound(workspaceId, roundId),
  });
}

export function useRoundChanges(workspaceId: string, roundId: string, enabled = true) {
  return useQuery({
    queryKey: roundKeys.changes(workspaceId, roundId),
    queryFn: () => listRoundChanges(workspaceId, roundId),
    enabled,
  });
}
