import type { UserSummary } from '@coproduce/domain';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { fetchCurrentUser } from '../api/session';
import { closeSharedCollabConnection } from './collab-connection';
import { keepUser, keptUser } from './kept-user';

const sessionKey = ['session'] as const;

async function fetchAndKeepCurrentUser(): Promise<UserSummary | null> {
  let user: UserSummary | null;
  try {
    user = await fetchCurrentUser();
  } catch (error) {
    // Not reached (whatever the browser thinks of its connection): the person last
    // signed in here, as when offline; the server is asked again on reconnecting.
    const kept = isApiError(error) && error.status === 0 ? keptUser() : undefined;
    if (!kept) throw error;
    return kept;
  }
  keepUser(user);
  return user;
}

/**
 * Who is signed in: a user, null when nobody is, undefined while it is being found out.
 * With no connection (offline, or the server not reached), the person last signed in on this
 * browser, so the pages that work offline open; the server is asked again on reconnecting.
 */
export function useCurrentUser() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchAndKeepCurrentUser,
    staleTime: 60_000,
    initialData: () => (navigator.onLine ? undefined : keptUser()),
    initialDataUpdatedAt: 0,
    refetchOnReconnect: 'always',
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
