import type { UserSummary } from '@coproduce/domain';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/session';
import { closeSharedCollabConnection } from './collab-connection';
import { keepUser, keptUser } from './kept-user';

const sessionKey = ['session'] as const;

async function fetchAndKeepCurrentUser(): Promise<UserSummary | null> {
  const user = await fetchCurrentUser();
  keepUser(user);
  return user;
}

/**
 * Who is signed in: a user, null when nobody is, undefined while it is being found out.
 * With no connection (the query waits for one), the person last signed in on this browser,
 * so the pages that work offline open; the server is asked as soon as it can be reached.
 */
export function useCurrentUser() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchAndKeepCurrentUser,
    staleTime: 60_000,
    initialData: () => (navigator.onLine ? undefined : keptUser()),
    initialDataUpdatedAt: 0,
  });
}

export function rememberSignedIn(queryClient: QueryClient, user: UserSummary) {
  closeSharedCollabConnection();
  keepUser(user);
  queryClient.setQueryData(sessionKey, user);
}

/** The server said the session has ended: the person is asked to sign in again. */
export function sessionEnded(queryClient: QueryClient) {
  keepUser(null);
  queryClient.setQueryData(sessionKey, null);
}

/** Drops everything cached for the previous person and marks nobody as signed in. */
export function forgetSession(queryClient: QueryClient) {
  closeSharedCollabConnection();
  keepUser(null);
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
  queryClient.setQueryData(sessionKey, null);
}
