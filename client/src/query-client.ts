import { MutationCache, onlineManager, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';
import { keepUser } from './session/kept-user';

/**
 * Server state for the whole app. A 401 from any call means the session has ended
 * (signed out elsewhere, expired, or removed from the workspace): the cached user is
 * cleared, and RequireSession then sends the person to sign in.
 */
export function createQueryClient(): QueryClient {
  // TanStack Query assumes a connection until the browser fires "offline", which a page
  // opened with none never hears: its calls would fail, and a page that works offline (a
  // specification with edits kept on the device) would be replaced by "could not be
  // reached". Start from what the browser knows, so calls wait for the connection instead.
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  const onError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthenticated) {
      keepUser(null);
      queryClient.setQueryData(['session'], null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A refusal or a missing item will not change by asking again; a dropped connection might.
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
