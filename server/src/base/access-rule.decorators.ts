import { SetMetadata } from '@nestjs/common';
import type { Action } from '@coproduce/domain';

/**
 * Every route declares who may call it, with exactly one of these; the
 * guards refuse a route that declares none. It sits below the features
 * because two of them read it: the auth guard (is a caller needed?) and the
 * access guard (what must their role allow? the policy in modules/access).
 */
export const ACCESS_RULE = 'coproduce:access-rule';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'workspace'; action: Action; whileArchived?: boolean };

export interface AllowOptions {
  /**
   * An archived workspace is read-only: every request but a GET is refused (409), except
   * on routes that say so here (restoring it, marking what one has read).
   */
  whileArchived?: boolean;
}

/** Anyone, signed in or not (sign-in, health, invitation preview). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; nothing workspace-specific. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

/** A member of `:workspaceId` whose role the access policy allows `action`. */
export const Allow = (action: Action, options: AllowOptions = {}) =>
  SetMetadata(ACCESS_RULE, { kind: 'workspace', action, ...options } satisfies AccessRule);
