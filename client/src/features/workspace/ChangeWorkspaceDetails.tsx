import type { CreateWorkspaceRequest, WorkspaceDetail } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateWorkspace } from '../../api/workspaces';
import { SuccessBanner } from '../../components/SuccessBanner';
import { WorkspaceDetailsForm } from '../workspaces/WorkspaceDetailsForm';
import { workspaceKeys } from './workspace-queries';
import { Details } from '../../components/Details';

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
    <Details summary="Change the workspace’s details">
      {changing.isSuccess && <SuccessBanner heading="The workspace’s details are changed" />}
      <WorkspaceDetailsForm
        initial={workspace}
        submitText="Save details"
        busyText="Saving…"
        pending={changing.isPending}
        failure={changing.error}
        onSubmit={(request) => changing.mutate(request)}
      />
    </Details>
  );
}
