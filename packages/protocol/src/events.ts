/**
 * The socket.io side of the collab protocol (shared DESIGN.md, "The collab protocol"):
 * one namespace, a handful of events, and the payload each one carries.
 */
import type { ErrorCode } from '@coproduce/domain';
import type {
  CollabErrorBody,
  JoinAck,
  JoinRequest,
  LeaveRequest,
  RoleNotice,
  SavedNotice,
  SizeWarning,
  ThreadChangedNotice,
  InboxChangedNotice,
  VersionNotice,
  QuestionNotice,
  HistoryChangedNotice,
  SpecificationRenamedNotice,
  NoticesChangedNotice,
} from './payloads';

export const COLLAB_NAMESPACE = '/collab';

/**
 * The message a socket.io `connect_error` carries when the session is missing or invalid:
 * the catalogue's code for the same refusal over REST.
 */
export const UNAUTHORIZED_MESSAGE = 'unauthorized' satisfies ErrorCode;

export const CollabEvent = {
  join: 'doc:join',
  leave: 'doc:leave',
  yjs: 'yjs',
  saved: 'doc:saved',
  error: 'doc:error',
  warning: 'doc:warning',
  role: 'doc:role',
  threadChanged: 'thread:changed',
  inboxChanged: 'inbox:changed',
  versionPublished: 'version:published',
  versionWithdrawn: 'version:withdrawn',
  questionAsked: 'question:asked',
  questionAnswered: 'question:answered',
  historyChanged: 'history:changed',
  noticesChanged: 'notices:changed',
  specificationRenamed: 'specification:renamed',
} as const;

/** Events a client sends. Binary arrives on the server as a Buffer, which is a Uint8Array. */
export interface CollabClientEvents {
  [CollabEvent.join]: (request: JoinRequest, ack: (answer: JoinAck) => void) => void;
  [CollabEvent.leave]: (request: LeaveRequest, ack?: (answer: { ok: boolean }) => void) => void;
  [CollabEvent.yjs]: (docId: string, payload: Uint8Array) => void;
}

/** Events the server sends. In a browser, binary arrives as an ArrayBuffer: see `toBytes`. */
export interface CollabServerEvents {
  [CollabEvent.yjs]: (docId: string, payload: Uint8Array) => void;
  [CollabEvent.saved]: (docId: string, notice: SavedNotice) => void;
  [CollabEvent.error]: (docId: string, error: CollabErrorBody) => void;
  [CollabEvent.warning]: (docId: string, warning: SizeWarning) => void;
  [CollabEvent.role]: (docId: string, notice: RoleNotice) => void;
  [CollabEvent.threadChanged]: (docId: string, notice: ThreadChangedNotice) => void;
  [CollabEvent.inboxChanged]: (notice: InboxChangedNotice) => void;
  [CollabEvent.versionPublished]: (notice: VersionNotice) => void;
  [CollabEvent.versionWithdrawn]: (notice: VersionNotice) => void;
  [CollabEvent.questionAsked]: (notice: QuestionNotice) => void;
  [CollabEvent.questionAnswered]: (notice: QuestionNotice) => void;
  [CollabEvent.historyChanged]: (docId: string, notice: HistoryChangedNotice) => void;
  [CollabEvent.noticesChanged]: (notice: NoticesChangedNotice) => void;
  [CollabEvent.specificationRenamed]: (docId: string, notice: SpecificationRenamedNotice) => void;
}
