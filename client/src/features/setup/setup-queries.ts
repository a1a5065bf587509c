import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CompleteSetupRequest } from '@coproduce/domain';
import { completeSetup, fetchSetupStatus } from '../../api/setup';
import { paths } from '../../paths';
import { rememberSignedIn } from '../../session/session-query';

const setupStatusKey = ['setup-status'] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: setupStatusKey, queryFn: fetchSetupStatus, staleTime: 60_000 });
}

/** Creates the first commissioner, signs them in and opens their new workspace. */
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: CompleteSetupRequest) => completeSetup(request),
    onSuccess: async ({ user, workspace }) => {
      rememberSignedIn(queryClient, user);
      queryClient.setQueryData(setupStatusKey, { needed: false });
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      navigate(paths.workspace(workspace.id), { replace: true });
    },
    onError: () => {
      // Someone else may have finished set-up meanwhile: ask again, so the page says so.
      void queryClient.invalidateQueries({ queryKey: setupStatusKey });
    },
  });
}
