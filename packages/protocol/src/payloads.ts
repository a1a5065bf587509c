import type { CommentThread, ErrorCodeAmong } from '@coproduce/domain';
import type { Role } from './role';

export interface JoinRequest {
  docId: string;
}

export type LeaveRequest = JoinRequest;

/**
 * Why a join failed; `unavailable` is a store failure the client may retry. The codes are
 * the error catalogue's (@coproduce/domain), as the REST API's are.
 */
export type JoinErrorCode = ErrorCodeAmong<
  'not-found' | 'forbidden' | 'bad-request' | 'unavailable'
>;

/** Why a frame was refused. */
export type FrameErrorCode = ErrorCodeAmong<
  'forbidden' | 'bad-message' | 'not-joined' | 'unavailable'
>;

export type CollabErrorCode = JoinErrorCode | FrameErrorCode;

export interface CollabErrorBody<Code extends string = CollabErrorCode> {
  code: Code;
  message: string;
}

/**
 * The answer to `doc:join`. `canEdit` (beyond DESIGN.md's `{ ok, role }`) says whether
 * the server will accept this member's updates, so clients need not copy the access policy.
 */
export type JoinAck =
  | { ok: true; role: Role; canEdit: boolean; archived?: boolean; closed?: boolean }
  | { ok: false; error: CollabErrorBody<JoinErrorCode> };

/**
 * Everything covered by `stateVector` (an encoded Yjs state vector) is durable in the
 * database. A state vector cannot say that a deletion is durable (deleting does not
 * advance it), so a connection that has sent updates is also told, in a notice of its
 * own, how many of them (`updatesSaved`, counted from its latest join: every `yjs`
 * frame carrying sync step 2 or an update, in the order sent) are durable or held
 * nothing new. The count stops at a refused frame: that one is never saved.
 */
export interface SavedNotice {
  stateVector: Uint8Array;
  updatesSaved?: number;
}

/**
 * A member's role in an open document changed while they were in it (beyond DESIGN.md):
 * from now on their frames are judged by `role`, and `canEdit` says whether the server
 * will accept their updates.
 */
export interface RoleNotice {
  role: Role;
  canEdit: boolean;
  /** The specification is archived: nobody may edit it, whatever their role, until it is restored. */
  archived?: boolean;
  /** An engagement copy whose market engagement round has closed: read-only for good. */
  closed?: boolean;
}

/**
 * Sent to commissioners when a specification's stored state passes the configured size,
 * long before anything would refuse to load it.
 */
export interface SizeWarning {
  code: 'document-large';
  message: string;
  bytes: number;
  limitBytes: number;
}

/** What happened to a comment thread. */
export type ThreadChange =
  'started' | 'replied' | 'comment-edited' | 'comment-deleted' | 'resolved' | 'reopened';

/**
 * `thread:changed (docId, notice)`: a comment thread of a specification changed; sent to
 * everyone who has it open (DESIGN.md fixes `threadId`). `thread` is the whole thread as
 * the REST API shows it, so a client updates without asking again.
 */
export interface ThreadChangedNotice {
  threadId: string;
  change: ThreadChange;
  /** Who made the change. */
  by: { id: string; name: string };
  thread: CommentThread;
}

/**
 * `inbox:changed (notice)`: the signed-in person's comment inbox changed (a mention, a
 * reply in a thread they take part in, or they read one); sent to each of their
 * connections so the header's count updates without asking. `GET /api/inbox` has the rest.
 */
export interface InboxChangedNotice {
  unreadCount: number;
}

/**
 * `version:published (notice)` / `version:withdrawn (notice)`: a version of a
 * specification in one of the person's workspaces was published or withdrawn; sent to
 * every member of the workspace who may read versions, wherever they are connected.
 * Carries no text: `GET …/versions/:number` has it.
 */
export interface VersionNotice {
  workspaceId: string;
  specificationId: string;
  number: number;
  name: string;
  /** When it was published, or withdrawn. */
  at: string;
}

/**
 * `question:asked (notice)` to those who answer questions, `question:answered (notice)` to
 * everyone in the workspace who may read questions (every provider). Never says who asked.
 */
export interface QuestionNotice {
  workspaceId: string;
  specificationId: string;
  questionId: string;
  versionNumber: number;
}

/**
 * `history:changed (docId, notice)`: a checkpoint was saved, a version published or
 * withdrawn, or a checkpoint restored; to everyone with the specification open, so a
 * history panel refreshes (`GET …/history`).
 */
export interface HistoryChangedNotice {
  change: 'checkpoint-saved' | 'version-published' | 'version-withdrawn' | 'restored';
  by: { id: string; name: string };
}

/**
 * `notices:changed (notice)`: the person's publishing notices changed (`GET /api/notices`);
 * to each of their connections, so the header's count updates without asking.
 */
export interface NoticesChangedNotice {
  unreadCount: number;
}

/** A commissioner renamed a specification: to everyone with it open (`specification:renamed`). */
export interface SpecificationRenamedNotice {
  title: string;
}
