import type { UserSummary } from '@coproduce/domain';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchCurrentUser } from '../api/session';
import { closeSharedCollabConnection } from './collab-connection';
import { unreachable } from './kept-answers';
import { keepUser, keptUser } from './kept-user';

const sessionKey = ['session'] as const;

async function fetchAndKeepCurrentUser(): Promise<UserSummary | null> {
  let user: UserSummary | null;
  try {
    user = await fetchCurrentUser();
  } catch (error) {
    // Not reached (the browser may still say it is online): the person last signed in here.
    const kept = unreachable(error) ? keptUser() : undefined;
    if (kept) return kept;
    throw error;
  }
  keepUser(user);
  return user;
}

/**
 * Who is signed in: a user, null when nobody is, undefined while it is being found out.
 * With no connection (the query waits for one, or finds the server cannot be reached), the
 * person last signed in on this browser, so the pages that work offline open; the server
 * is asked as soon as it can be reached.
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
