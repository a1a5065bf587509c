import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentInbox } from '@coproduce/domain';
import { CollabEvent, type InboxChangedNotice } from '@coproduce/protocol';
import { getInbox } from '../../api/comments';
import { sharedCollabConnection } from '../../session/collab-connection';

export const inboxKey = ['inbox'] as const;

/**
 * The signed-in person's mentions and unread threads. Kept current by the server's
 * `inbox:changed` push (its count goes straight into the cache; the list is fetched
 * again only where it is shown) and fetched again when the window regains focus.
 */
export function useInbox({ enabled = true, list = false } = {}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const { socket } = sharedCollabConnection();
    const onChanged = (notice: InboxChangedNotice) => {
      const unreadCount = (notice as Partial<InboxChangedNotice> | null)?.unreadCount;
      if (typeof unreadCount !== 'number') return;
      queryClient.setQueryData<CommentInbox>(inboxKey, (inbox) =>
        inbox ? { ...inbox, unreadCount } : inbox,
      );
      if (list) void queryClient.invalidateQueries({ queryKey: inboxKey });
    };
    socket.on(CollabEvent.inboxChanged, onChanged);
    return () => {
      socket.off(CollabEvent.inboxChanged, onChanged);
    };
  }, [queryClient, enabled, list]);

  return useQuery({
    queryKey: inboxKey,
    queryFn: getInbox,
    enabled,
    refetchOnWindowFocus: true,
  });
}
