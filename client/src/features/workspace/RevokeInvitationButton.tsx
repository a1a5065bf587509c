import { ROLE_LABELS, type InvitationSummary } from '@coproduce/domain';
import { useQueryClient } from '@tanstack/react-query';
import { revokeInvitation } from '../../api/invitations';
import { RowAction } from '../../components/RowAction';
import { workspaceKeys } from './workspace-queries';

interface RevokeInvitationButtonProps {
  workspaceId: string;
  invitation: InvitationSummary;
}

export function RevokeInvitationButton({ workspaceId, invitation }: RevokeInvitationButtonProps) {
  const queryClient = useQueryClient();
  const invitee = invitation.email ?? `the ${ROLE_LABELS[invitation.role].toLowerCase()} link`;
  return (
    <RowAction
      label="Withdraw"
      subject={`invitation for ${invitee}`}
      variant="secondary"
      act={() => revokeInvitation(workspaceId, invitation.id)}
      onDone={() =>
        queryClient.invalidateQueries({ queryKey: workspaceKeys.invitations(workspaceId) })
      }
    />
  );
}
