import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishingNotices } from '@coproduce/domain';
import { CollabEvent, type NoticesChangedNotice } from '@coproduce/protocol';
import { getNotices } from '../../api/publishing';
import { sharedCollabConnection } from '../../session/collab-connection';

export const noticesKey = ['notices'] as const;

/**
 * The signed-in person's publishing notices (new versions, answers, questions). Kept
 * current like the inbox: the server's `notices:changed` count goes straight into the
 * cache, and the list is fetched again only where it is shown.
 */
export function useNotices({ list = false } = {}) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const { socket } = sharedCollabConnection();
    const onChanged = (notice: NoticesChangedNotice) => {
      const unreadCount = (notice as Partial<NoticesChangedNotice> | null)?.unreadCount;
      if (typeof unreadCount !== 'number') return;
      queryClient.setQueryData<PublishingNotices>(noticesKey, (notices) =>
        notices ? { ...notices, unreadCount } : notices,
      );
      if (list) void queryClient.invalidateQueries({ queryKey: noticesKey });
    };
    socket.on(CollabEvent.noticesChanged, onChanged);
    return () => {
      socket.off(CollabEvent.noticesChanged, onChanged);
    };
  }, [queryClient, list]);

  return useQuery({ queryKey: noticesKey, queryFn: getNotices, refetchOnWindowFocus: true });
}
