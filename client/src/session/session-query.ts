import type { UserSummary } from '@coproduce/domain';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/session';
import { closeSharedCollabConnection } from './collab-connection';

const sessionKey = ['session'] as const;

/** Who is signed in: a user, null when nobody is, undefined while it is being found out. */
export function useCurrentUser() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

export function rememberSignedIn(queryClient: QueryClient, user: UserSummary) {
  closeSharedCollabConnection();
  queryClient.setQueryData(sessionKey, user);
}

/** Drops everything cached for the previous person and marks nobody as signed in. */
export function forgetSession(queryClient: QueryClient) {
  closeSharedCollabConnection();
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
  queryClient.setQueryData(sessionKey, null);
}
