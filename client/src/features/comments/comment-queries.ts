import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentThread, SpecificationComment } from '@coproduce/domain';
import { CollabEvent, type ThreadChangedNotice } from '@coproduce/protocol';
import {
  changeThread,
  deleteComment,
  editComment,
  listThreads,
  markThreadRead,
  replyToThread,
  startThread,
} from '../../api/comments';
import { sharedCollabConnection } from '../../session/collab-connection';
import { inboxKey } from '../inbox/inbox-queries';
import { withComment, withThread } from './thread-order';

export const threadKeys = {
  list: (workspaceId: string, specificationId: string) =>
    ['workspace', workspaceId, 'specification', specificationId, 'threads'] as const,
};

/**
 * A specification's comment threads, kept current by `thread:changed` on the page's
 * collab connection: each notice carries the whole thread, so it goes straight into the
 * cache with no refetch. After a dropped connection the list is fetched once, for the
 * changes missed meanwhile.
 */
export function useThreads(workspaceId: string, specificationId: string) {
  const queryClient = useQueryClient();
  const key = threadKeys.list(workspaceId, specificationId);

  useEffect(() => {
    const { socket } = sharedCollabConnection();
    const onChanged = (docId: string, notice: ThreadChangedNotice) => {
      if (docId !== specificationId || typeof notice !== 'object' || !notice?.thread) return;
      queryClient.setQueryData<CommentThread[]>(
        threadKeys.list(workspaceId, specificationId),
        (threads) => (threads ? withThread(threads, notice.thread) : threads),
      );
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) {
        void queryClient.invalidateQueries({
          queryKey: threadKeys.list(workspaceId, specificationId),
        });
      }
      connectedBefore = true;
    };
    socket.on(CollabEvent.threadChanged, onChanged);
    socket.on('connect', onConnect);
    return () => {
      socket.off(CollabEvent.threadChanged, onChanged);
      socket.off('connect', onConnect);
    };
  }, [queryClient, workspaceId, specificationId]);

  return useQuery({ queryKey: key, queryFn: () => listThreads(workspaceId, specificationId) });
}

export type ThreadActions = ReturnType<typeof useThreadActions>;

/** The changes a person makes to threads; each answer goes into the cache at once. */
export function useThreadActions(workspaceId: string, specificationId: string) {
  const queryClient = useQueryClient();
  const key = threadKeys.list(workspaceId, specificationId);
  const putThread = (thread: CommentThread) =>
    queryClient.setQueryData<CommentThread[]>(key, (threads) => withThread(threads ?? [], thread));
  const putComment = (threadId: string) => (comment: SpecificationComment) =>
    queryClient.setQueryData<CommentThread[]>(key, (threads) =>
      withComment(threads ?? [], threadId, comment),
    );

  return {
    start: useMutation({
      mutationFn: (request: Parameters<typeof startThread>[2]) =>
        startThread(workspaceId, specificationId, request),
      onSuccess: putThread,
    }),
    reply: useMutation({
      mutationFn: ({
        threadId,
        ...request
      }: {
        threadId: string;
        body: string;
        mentions: string[];
      }) => replyToThread(workspaceId, threadId, request),
      onSuccess: (comment, { threadId }) => putComment(threadId)(comment),
    }),
    edit: useMutation({
      mutationFn: ({
        threadId,
        commentId,
        ...request
      }: {
        threadId: string;
        commentId: string;
        body: string;
        mentions: string[];
      }) => editComment(workspaceId, threadId, commentId, request),
      onSuccess: (comment, { threadId }) => putComment(threadId)(comment),
    }),
    remove: useMutation({
      mutationFn: ({ threadId, commentId }: { threadId: string; commentId: string }) =>
        deleteComment(workspaceId, threadId, commentId),
      onSuccess: (comment, { threadId }) => putComment(threadId)(comment),
    }),
    changeStatus: useMutation({
      mutationFn: ({ threadId, status }: { threadId: string; status: 'open' | 'resolved' }) =>
        changeThread(workspaceId, threadId, { status }),
      onSuccess: putThread,
    }),
  };
}

/** Marks a thread read for the person whenever they open it; the inbox follows. */
export function useMarkRead(workspaceId: string, threadId: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!threadId) return;
    markThreadRead(workspaceId, threadId)
      .then(() => queryClient.invalidateQueries({ queryKey: inboxKey }))
      // Reading is a courtesy to the inbox; failing to record it must not disturb the page.
      .catch(() => undefined);
  }, [queryClient, workspaceId, threadId]);
}
