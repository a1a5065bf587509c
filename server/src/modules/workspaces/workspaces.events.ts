import type { Role } from '@coproduce/domain';

/**
 * What the workspaces module announces on the event bus, after the change is
 * stored. The collab module closes or downgrades the person's open documents.
 */
declare module '../../base/event-bus' {
  interface CoproduceEvents {
    'membership.changed': MembershipChange;
    'workspace.archived': WorkspaceArchived;
  }
}

/** A commissioner archived (`archived: true`) or restored a workspace: everything in it is read-only, or editable again. */
export type WorkspaceArchived = { workspaceId: string; archived: boolean };

/** What happened to someone's membership. */
export type MembershipChange =
  | { kind: 'role-changed'; workspaceId: string; userId: string; role: Role; previousRole: Role }
  | { kind: 'removed'; workspaceId: string; userId: string; previousRole: Role };
