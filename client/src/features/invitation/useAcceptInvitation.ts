import type { AcceptedInvitation, AcceptInvitationRequest } from '@coproduce/domain';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate, type NavigateFunction } from 'react-router';
import { acceptInvitation } from '../../api/invitations';
import { paths } from '../../paths';
import { rememberSignedIn } from '../../session/session-query';

/**
 * Accepts the invitation, signs in the new account if one was made, and opens the workspace.
 * When the address must be confirmed first the answer says an email was sent, and the page
 * shows that instead (from the mutation's data).
 */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: AcceptInvitationRequest) => acceptInvitation(token, request),
    onSuccess: async (accepted) => {
      if ('emailed' in accepted) return;
      await openJoinedWorkspace(queryClient, navigate, accepted);
    },
  });
}

/** After joining: the new account (if one was made) is the one signed in, and its workspace opens. */
export async function openJoinedWorkspace(
  queryClient: QueryClient,
  navigate: NavigateFunction,
  { workspace, session }: AcceptedInvitation,
): Promise<void> {
  if (session) rememberSignedIn(queryClient, session.user);
  await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
  queryClient.removeQueries({ queryKey: ['invitation'] });
  navigate(paths.workspace(workspace.id), { replace: true });
}
