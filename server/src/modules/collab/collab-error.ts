import type { CollabErrorBody, CollabErrorCode } from '@coproduce/protocol';
import type { DomainError } from '../../base/errors';

/** A catalogue error that the collab protocol has a code for. */
export type CollabRefusal<Code extends CollabErrorCode = CollabErrorCode> = DomainError & {
  readonly code: Code;
};

/**
 * The body of a `doc:error` or a refused `doc:join` for a catalogue error: the same code
 * and message the HTTP filter would send for it.
 */
export function collabErrorBody<Code extends CollabErrorCode>(
  error: CollabRefusal<Code>,
): CollabErrorBody<Code> {
  return { code: error.code, message: error.message };
}
