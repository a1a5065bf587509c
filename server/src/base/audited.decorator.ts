import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const AUDITED = 'coproduce:audited';

/** A successful call, as the audit interceptor sees it: after the guards, with its result. */
export interface AuditedCall<R extends Request = Request> {
  request: R;
  result: unknown;
}

/** What the audit entry says about the call; the workspace defaults to `:workspaceId`. */
export interface AuditDescription {
  /** A more particular action than the route's, when the call turned out to be one. */
  action?: string;
  target: { type: string; id?: string | null };
  detail?: Record<string, string>;
  workspaceId?: string;
  /**
   * When the request itself signed someone in (sign-in, accepting an invitation); null
   * when nobody did it (a refused sign-in), whoever the request came from.
   */
  actorId?: string | null;
}

export interface AuditedMetadata {
  action: string;
  describe: (call: AuditedCall) => AuditDescription;
}

/**
 * Names the action a state-changing route records in the audit log. Routes
 * without it are still recorded, under their method and path. It sits below the
 * features because they all declare it, sign-in included, while the audit module
 * that records it reads who is calling from the modules below it.
 *
 * `describe` may take the request as the guards left it (say, with `auth`):
 * the interceptor calls it only after they have run.
 */
export const Audited = <R extends Request = Request>(
  action: string,
  describe: (call: AuditedCall<R>) => AuditDescription,
) =>
  SetMetadata(AUDITED, {
    action,
    describe: describe as AuditedMetadata['describe'],
  } satisfies AuditedMetadata);

export const AUDITED_BY_SERVICE = 'coproduce:audited-by-service';

/**
 * For a route whose service records its own audit entries (so the same change is
 * recorded the same way whether it came over REST or the socket): the interceptor
 * records nothing more for it.
 */
export const AuditedByService = () => SetMetadata(AUDITED_BY_SERVICE, true);

export const AUDITED_REFUSAL = 'coproduce:audited-refusal';

/** A refused call, as the audit interceptor sees it: after the guards, with the error. */
export interface RefusedCall<R extends Request = Request> {
  request: R;
  error: unknown;
}

export interface AuditedRefusalMetadata {
  action: string;
  /** What the entry says; null for a refusal that is not recorded. */
  describe: (call: RefusedCall) => AuditDescription | null;
}

/**
 * Names the action recorded when a route refuses a call in a way someone should be able to
 * see afterwards (a wrong password for their account). Only the refusals `describe`
 * describes are recorded; the rest leave no trace, as refusals usually do.
 */
export const AuditedRefusal = <R extends Request = Request>(
  action: string,
  describe: (call: RefusedCall<R>) => AuditDescription | null,
) =>
  SetMetadata(AUDITED_REFUSAL, {
    action,
    describe: describe as AuditedRefusalMetadata['describe'],
  } satisfies AuditedRefusalMetadata);
/**
 * `Audited` for a route that answers with the thing it changed: its `id` is the target,
 * and `detail` picks what the audit log shows of it.
 */
export const AuditedResult = <T extends { id: string }>(
  action: string,
  type: string,
  detail: (result: T) => Record<string, string> = () => ({}),
) =>
  Audited(action, ({ result }) => ({
    target: { type, id: (result as T).id },
    detail: detail(result as T),
  }));
