import type { Action, WorkspaceDetail } from '@coproduce/domain';

/**
 * Whether to offer an action. The server's access policy decides what is allowed and
 * sends the caller's permitted actions with the workspace; this only keeps people from
 * seeing controls that would be refused.
 */
export function may(workspace: Pick<WorkspaceDetail, 'permissions'>, action: Action): boolean {
  return workspace.permissions.includes(action);
}
