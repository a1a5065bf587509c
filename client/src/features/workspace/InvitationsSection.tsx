import type { ReactNode } from 'react';
import { ROLE_LABELS } from '@coproduce/domain';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { Loading } from '../../components/Loading';
import { Table } from '../../components/Table';
import { formatDate } from '../../dates';
import { InvitationStatusTag } from './InvitationStatusTag';
import { NewInvitationForm } from './NewInvitationForm';
import { OrganisationName } from './OrganisationName';
import { RevokeInvitationButton } from './RevokeInvitationButton';
import { useInvitations } from './workspace-queries';

interface InvitationsSectionProps {
  workspaceId: string;
  canInvite: boolean;
  canRevoke: boolean;
}

export function InvitationsSection({ workspaceId, canInvite, canRevoke }: InvitationsSectionProps) {
  const invitations = useInvitations(workspaceId);
  const headers = ['Sent to', 'Role', 'Organisation', 'Status', 'Expires'];
  if (canRevoke) headers.push('Action');

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      {canInvite && <NewInvitationForm workspaceId={workspaceId} />}
      {invitations.isPending && <Loading what="invitations" />}
      {invitations.isError && <ApiErrorSummary error={invitations.error} />}
      {invitations.data?.length === 0 && <p>No one has been invited yet.</p>}
      {invitations.data && invitations.data.length > 0 && (
        <Table
          caption="Invitations to this workspace"
          headers={headers}
          rows={invitations.data.map((invitation) => {
            const cells: ReactNode[] = [
              invitation.email ?? 'Anyone with the link',
              ROLE_LABELS[invitation.role],
              <OrganisationName organisation={invitation.organisation} />,
              <InvitationStatusTag status={invitation.status} />,
              formatDate(invitation.expiresAt),
            ];
            if (canRevoke) {
              cells.push(
                invitation.status === 'pending' ? (
                  <RevokeInvitationButton workspaceId={workspaceId} invitation={invitation} />
                ) : (
                  ''
                ),
              );
            }
            return { key: invitation.id, cells };
          })}
        />
      )}
    </section>
  );
}
