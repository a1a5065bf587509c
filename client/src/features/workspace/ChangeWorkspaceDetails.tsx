import type { CreateWorkspaceRequest, WorkspaceDetail } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateWorkspace } from '../../api/workspaces';
import { SuccessBanner } from '../../components/SuccessBanner';
import { WorkspaceDetailsForm } from '../workspaces/WorkspaceDetailsForm';
import { workspaceKeys } from './workspace-queries';

/** For commissioners: the workspace's name, service area, lead and partner organisations. */
export function ChangeWorkspaceDetails({ workspace }: { workspace: WorkspaceDetail }) {
  const queryClient = useQueryClient();
  const changing = useMutation({
    mutationFn: (request: CreateWorkspaceRequest) => updateWorkspace(workspace.id, request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspace.id) }),
        queryClient.invalidateQueries({ queryKey: ['workspaces'] }),
      ]),
  });

  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Change the workspace’s details</span>
      </summary>
      <div className="nhsuk-details__text">
        {changing.isSuccess && <SuccessBanner heading="The workspace’s details are changed" />}
        <WorkspaceDetailsForm
          initial={workspace}
          submitText="Save details"
          busyText="Saving…"
          pending={changing.isPending}
          failure={changing.error}
          onSubmit={(request) => changing.mutate(request)}
        />
      </div>
    </details>
  );
}
