/**
 * Comment threads on a specification's text (shared DESIGN.md, "Comment threads").
 * The fixed fields are DESIGN's; the rest (who, when, mentions, unread) are ours.
 * All paths are under /api/workspaces/:workspaceId.
 */

/**
 * A stretch of the specification's text that follows it through everyone's edits
 * (DESIGN.md, "Fixed points"): each end is the base64 of `Y.encodeRelativePosition` of a
 * position in a Y.XmlText of the specification's fragment. @coproduce/specification-document
 * makes, checks and resolves them.
 */
export interface Anchor {
  start: string;
  end: string;
}

export type ThreadStatus = 'open' | 'resolved';

/** A person as comments show them. */
export interface CommentPerson {
  id: string;
  name: string;
}

export interface SpecificationComment {
  id: string;
  author: CommentPerson;
  /** Empty once deleted: the place stays, shown as "comment deleted". */
  body: string;
  createdAt: string;
  /** When the author last changed the body; null when never edited. */
  editedAt: string | null;
  deleted: boolean;
  /** Members the comment @mentions (empty once deleted). */
  mentions: CommentPerson[];
}

/** GET …/specifications/:specificationId/threads → CommentThread[] (in document order). */
export interface CommentThread {
  id: string;
  specificationId: string;
  status: ThreadStatus;
  anchor: Anchor;
  /** The text the thread was started on, as it was then. */
  quote: string;
  /** Everything the anchor covered has been deleted; the thread stays, with its quote. */
  textRemoved: boolean;
  comments: SpecificationComment[];
  createdBy: CommentPerson;
  createdAt: string;
  /** Who resolved it and when; both null while open (kept from the latest resolve). */
  resolvedBy: CommentPerson | null;
  resolvedAt: string | null;
  /** The latest comment, edit, resolve or reopen. */
  updatedAt: string;
}

/** POST …/specifications/:specificationId/threads → 201 CommentThread. */
export interface StartThreadRequest {
  body: string;
  quote: string;
  anchor: Anchor;
  /** User ids of workspace members the first comment mentions. */
  mentions?: string[];
}

/** POST …/threads/:threadId/comments → 201 SpecificationComment. */
export interface ReplyRequest {
  body: string;
  mentions?: string[];
}

/** PATCH …/threads/:threadId/comments/:commentId → 200 SpecificationComment (author only). */
export interface EditCommentRequest {
  body: string;
  mentions?: string[];
}

/** PATCH …/threads/:threadId → 200 CommentThread. */
export interface ChangeThreadRequest {
  status: ThreadStatus;
}

/** The longest comment body, in characters. */
export const MAX_COMMENT_LENGTH = 10_000;
/** The longest quote kept with a thread, in characters. */
export const MAX_QUOTE_LENGTH = 2_000;
/** The most members one comment may mention. */
export const MAX_MENTIONS = 20;

/**
 * GET /api/inbox → the signed-in person's mentions and unread threads across their
 * workspaces (the header's count is `unreadCount`).
 */
export interface CommentInbox {
  unreadCount: number;
  items: InboxItem[];
}

export interface InboxItem {
  workspaceId: string;
  specificationId: string;
  specificationTitle: string;
  threadId: string;
  quote: string;
  /** Why it is here: someone mentioned you, or a thread you take part in has new comments. */
  reason: 'mention' | 'reply';
  /** The newest comment you have not read. */
  latest: { author: CommentPerson; body: string; at: string };
  unread: boolean;
}
