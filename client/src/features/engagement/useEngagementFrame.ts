import type { Action } from '@coproduce/domain';
import { useParams } from 'react-router';
import type { Crumb } from '../../components/Breadcrumbs';
import { paths } from '../../paths';
import { may } from '../workspace/permissions';
import { useWorkspace } from '../workspace/workspace-queries';

/**
 * What every engagement page starts from: the workspace in the address, what the
 * caller may do there, and breadcrumbs back through the workspace to engagement.
 */
export function useEngagementFrame() {
  const { workspaceId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const workspaceName = workspace.data?.name ?? 'Workspace';
  const allowed = (action: Action) => workspace.data !== undefined && may(workspace.data, action);
  const workspaceCrumbs: Crumb[] = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspaceName },
  ];
  const isProvider = workspace.data?.role === 'provider';
  return {
    workspaceId,
    workspace,
    workspaceName,
    allowed,
    /**
     * A provider has no engagement overview: they see only the market engagement
     * events they took part in, so their trail leads to those.
     */
    isProvider,
    /** Breadcrumbs for a page inside engagement: the workspace, then engagement. */
    breadcrumbs: isProvider
      ? [...workspaceCrumbs, { to: paths.engagementEvents(workspaceId), text: 'Market engagement' }]
      : [...workspaceCrumbs, { to: paths.engagement(workspaceId), text: 'Engagement' }],
    /** Breadcrumbs for the overview itself. */
    workspaceCrumbs,
    pending: workspace.isPending,
    error: workspace.error ?? undefined,
  };
}
