import { useQuery, type QueryClient } from '@tanstack/react-query';
import { getAccount, listAccountEvents, listSessions } from '../../api/account';
import { fetchMailSettings } from '../../api/password-resets';

/** Query keys, under one root so a change to the account refreshes every part of it. */
export const accountKeys = {
  all: ['account'] as const,
  detail: ['account', 'detail'] as const,
  sessions: ['account', 'sessions'] as const,
  events: (page: number, pageSize: number) => ['account', 'events', page, pageSize] as const,
};

export function useAccount() {
  return useQuery({ queryKey: accountKeys.detail, queryFn: getAccount });
}

export function useSessions() {
  return useQuery({ queryKey: accountKeys.sessions, queryFn: listSessions });
}

export function useAccountEvents(page: number, pageSize: number) {
  return useQuery({
    queryKey: accountKeys.events(page, pageSize),
    queryFn: () => listAccountEvents(page, pageSize),
  });
}

export function useMailSettings() {
  return useQuery({ queryKey: ['mail-settings'], queryFn: fetchMailSettings });
}

/** After a change: the account's pages and the header's name and address read it afresh. */
export function refreshAccount(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['session'] }),
  ]);
}

/** What the account page says after one of its changes, carried in the navigation. */
export interface AccountChanged {
  changed: 'name' | 'email' | 'password';
  otherSessionsEnded?: number;
}

export function isAccountChanged(state: unknown): state is AccountChanged {
  const changed = (state as { changed?: unknown } | null)?.changed;
  return changed === 'name' || changed === 'email' || changed === 'password';
}
