import { useParams } from 'react-router';
import { paths } from '../../paths';
import { useSpecifications, useWorkspace } from '../workspace/workspace-queries';

/**
 * What every publishing page of one specification starts from: the ids in the address,
 * the workspace (for the caller's permissions), the specification's title and the
 * breadcrumbs back to it.
 */
export function useSpecificationFrame() {
  const { workspaceId = '', specificationId = '' } = useParams();
  const workspace = useWorkspace(workspaceId);
  const specifications = useSpecifications(workspaceId);
  const specification = specifications.data?.find((item) => item.id === specificationId);
  const title = specification?.title ?? 'Specification';
  const breadcrumbs = [
    { to: paths.workspaces, text: 'Your workspaces' },
    { to: paths.workspace(workspaceId), text: workspace.data?.name ?? 'Workspace' },
    { to: paths.specification(workspaceId, specificationId), text: title },
  ];
  return {
    workspaceId,
    specificationId,
    workspace,
    specifications,
    specification,
    title,
    breadcrumbs,
    /** Still finding out whether the caller may see this specification at all. */
    pending: workspace.isPending || specifications.isPending,
    error: workspace.error ?? specifications.error ?? undefined,
  };
}
