import { SetMetadata } from '@nestjs/common';
import type { CoproduceRequest } from '../../base/request-context';

export const AUDITED = 'coproduce:audited';

export interface AuditedCall {
  request: CoproduceRequest;
  result: unknown;
}

/** What the audit entry says about the call; the workspace defaults to `:workspaceId`. */
export interface AuditDescription {
  /** A more particular action than the route's, when the call turned out to be one. */
  action?: string;
  target: { type: string; id?: string | null };
  detail?: Record<string, string>;
  workspaceId?: string;
  /** When the request itself signed someone in (sign-in, accepting an invitation). */
  actorId?: string;
}

export interface AuditedMetadata {
  action: string;
  describe: (call: AuditedCall) => AuditDescription;
}

/**
 * Names the action a state-changing route records in the audit log. Routes
 * without it are still recorded, under their method and path.
 */
export const Audited = (action: string, describe: AuditedMetadata['describe']) =>
  SetMetadata(AUDITED, { action, describe } satisfies AuditedMetadata);
