import type { AcceptInvitationRequest } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { acceptInvitation } from '../../api/invitations';
import { paths } from '../../paths';
import { rememberSignedIn } from '../../session/session-query';

/** Accepts the invitation, signs in the new account if one was made, and opens the workspace. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (request: AcceptInvitationRequest) => acceptInvitation(token, request),
    onSuccess: async ({ workspace, session }) => {
      if (session) rememberSignedIn(queryClient, session.user);
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      queryClient.removeQueries({ queryKey: ['invitation', token] });
      navigate(paths.workspace(workspace.id), { replace: true });
    },
  });
}
