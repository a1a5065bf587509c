import type { CreateWorkspaceRequest } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createWorkspace } from '../../api/workspaces';
import { paths } from '../../paths';
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm';
import { Details } from '../../components/Details';

/** Starts a workspace for a new commissioning project; whoever starts it is its commissioner. */
export function StartWorkspaceForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const starting = useMutation({
    mutationFn: (request: CreateWorkspaceRequest) => createWorkspace(request),
    onSuccess: async (workspace) => {
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      navigate(paths.workspace(workspace.id));
    },
  });

  return (
    <Details summary="Start a workspace">
      <p>
        For a new commissioning project. You will be its commissioner, and can invite the steering
        group, experts by experience, engagement leads, providers and observers.
      </p>
      <WorkspaceDetailsForm
        submitText="Start workspace"
        busyText="Starting the workspace…"
        pending={starting.isPending}
        failure={starting.error}
        onSubmit={(request) => starting.mutate(request)}
      />
    </Details>
  );
}
