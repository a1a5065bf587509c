import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentInbox } from '@coproduce/domain';
import { getInbox } from '../../api/comments';
import { sharedCollabConnection } from '../../session/collab-connection';

export const inboxKey = ['inbox'] as const;

// The server's push when a person's inbox changes (beside the collab protocol's events).
const INBOX_CHANGED = 'inbox:changed';

/**
 * The signed-in person's mentions and unread threads. Kept current by the server's
 * `inbox:changed` push (its count goes straight into the cache, the list is fetched
 * when next shown) and fetched again when the window regains focus.
 */
export function useInbox(enabled = true) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = sharedCollabConnection().socket as unknown as {
      on(event: string, listener: (notice: unknown) => void): void;
      off(event: string, listener: (notice: unknown) => void): void;
    };
    const onChanged = (notice: unknown) => {
      const unreadCount = (notice as { unreadCount?: unknown } | null)?.unreadCount;
      if (typeof unreadCount === 'number') {
        queryClient.setQueryData<CommentInbox>(inboxKey, (inbox) =>
          inbox ? { ...inbox, unreadCount } : inbox,
        );
      }
      void queryClient.invalidateQueries({ queryKey: inboxKey, refetchType: 'active' });
    };
    socket.on(INBOX_CHANGED, onChanged);
    return () => socket.off(INBOX_CHANGED, onChanged);
  }, [queryClient, enabled]);

  return useQuery({
    queryKey: inboxKey,
    queryFn: getInbox,
    enabled,
    refetchOnWindowFocus: true,
  });
}
