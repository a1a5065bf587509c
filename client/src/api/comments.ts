import type {
  ChangeThreadRequest,
  CommentInbox,
  CommentThread,
  EditCommentRequest,
  ReplyRequest,
  SpecificationComment,
  StartThreadRequest,
} from '@coproduce/domain';
import { apiRequest, segment } from './request';

const threadsPath = (workspaceId: string, specificationId: string) =>
  `/workspaces/${segment(workspaceId)}/specifications/${segment(specificationId)}/threads`;

const threadPath = (workspaceId: string, threadId: string) =>
  `/workspaces/${segment(workspaceId)}/threads/${segment(threadId)}`;

const commentPath = (workspaceId: string, threadId: string, commentId: string) =>
  `${threadPath(workspaceId, threadId)}/comments/${segment(commentId)}`;

/** A specification's comment threads, in document order. */
export function listThreads(
  workspaceId: string,
  specificationId: string,
): Promise<CommentThread[]> {
  return apiRequest<CommentThread[]>('GET', threadsPath(workspaceId, specificationId));
}

export function startThread(
  workspaceId: string,
  specificationId: string,
  request: StartThreadRequest,
): Promise<CommentThread> {
  return apiRequest<CommentThread>('POST', threadsPath(workspaceId, specificationId), request);
}

/** A reply; it reopens a resolved thread. */
export function replyToThread(
  workspaceId: string,
  threadId: string,
  request: ReplyRequest,
): Promise<SpecificationComment> {
  return apiRequest<SpecificationComment>(
    'POST',
    `${threadPath(workspaceId, threadId)}/comments`,
    request,
  );
}

export function changeThread(
  workspaceId: string,
  threadId: string,
  request: ChangeThreadRequest,
): Promise<CommentThread> {
  return apiRequest<CommentThread>('PATCH', threadPath(workspaceId, threadId), request);
}

export function editComment(
  workspaceId: string,
  threadId: string,
  commentId: string,
  request: EditCommentRequest,
): Promise<SpecificationComment> {
  return apiRequest<SpecificationComment>(
    'PATCH',
    commentPath(workspaceId, threadId, commentId),
    request,
  );
}

/** The comment keeps its place, shown as "comment deleted". */
export function deleteComment(
  workspaceId: string,
  threadId: string,
  commentId: string,
): Promise<SpecificationComment> {
  return apiRequest<SpecificationComment>('DELETE', commentPath(workspaceId, threadId, commentId));
}

export function markThreadRead(workspaceId: string, threadId: string): Promise<void> {
  return apiRequest<void>('POST', `${threadPath(workspaceId, threadId)}/read`);
}

/** The signed-in person's mentions and unread threads across their workspaces. */
export function getInbox(): Promise<CommentInbox> {
  return apiRequest<CommentInbox>('GET', '/inbox');
}
