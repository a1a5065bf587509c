import type { Role } from './role';

export interface JoinRequest {
  docId: string;
}

export type LeaveRequest = JoinRequest;

/** Why a join failed; `unavailable` is a store failure the client may retry. */
export type JoinErrorCode = 'not-found' | 'forbidden' | 'bad-request' | 'unavailable';

/** Why a frame was refused. */
export type FrameErrorCode = 'forbidden' | 'bad-message' | 'not-joined' | 'unavailable';

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
  { ok: true; role: Role; canEdit: boolean } | { ok: false; error: CollabErrorBody<JoinErrorCode> };

/** Everything covered by `stateVector` (an encoded Yjs state vector) is durable in the database. */
export interface SavedNotice {
  stateVector: Uint8Array;
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
