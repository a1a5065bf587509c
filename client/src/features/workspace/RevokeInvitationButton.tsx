import { ROLE_LABELS, type InvitationSummary } from '@coproduce/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeInvitation } from '../../api/invitations';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Button } from '../../components/Button';
import { workspaceKeys } from './workspace-queries';

interface RevokeInvitationButtonProps {
  workspaceId: string;
  invitation: InvitationSummary;
}

export function RevokeInvitationButton({ workspaceId, invitation }: RevokeInvitationButtonProps) {
  const queryClient = useQueryClient();
  const revoking = useMutation({
    mutationFn: () => revokeInvitation(workspaceId, invitation.id),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspaceId) }),
  });
  const invitee = invitation.email ?? `the ${ROLE_LABELS[invitation.role].toLowerCase()} link`;

  return (
    <>
      {revoking.isError && <ApiErrorSummary error={revoking.error} />}
      <Button
        type="button"
        variant="secondary"
        small
        disabled={revoking.isPending}
        onClick={() => revoking.mutate()}
      >
        Withdraw<span className="nhsuk-u-visually-hidden"> invitation for {invitee}</span>
      </Button>
    </>
  );
}
