import { ROLE_LABELS, type CreatedInvitation } from '@coproduce/domain';
import { SuccessBanner } from '../../components/SuccessBanner';
import { formatDate } from '../../dates';

/**
 * The one time the invitation's link is visible: the server keeps only a hash of its token.
 * An invitation sent by email shows no link at all: only the invited person has it.
 */
export function CreatedInvitationBanner({ invitation }: { invitation: CreatedInvitation }) {
  if (invitation.emailed || !invitation.path) {
    return (
      <SuccessBanner heading={`Invitation emailed to ${invitation.email ?? 'them'}`}>
        <p className="nhsuk-body">
          The link in it works once and expires on {formatDate(invitation.expiresAt)}. Ask them to
          check their spam folder if it has not arrived.
        </p>
      </SuccessBanner>
    );
  }
  const link = new URL(invitation.path, window.location.origin).href;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  return (
    <SuccessBanner
      heading={
        invitation.email
          ? `Invitation created for ${invitation.email}`
          : `Invitation link created for ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`
      }
    >
      <p className="nhsuk-body">
        Send this link to {invitation.email ?? 'the person you are inviting'}. It works once and
        expires on {formatDate(invitation.expiresAt)}. You will not be able to see it again.
      </p>
      <p className="nhsuk-body app-break-anywhere">
        <a href={link} data-testid="invitation-link">
          {link}
        </a>
      </p>
    </SuccessBanner>
  );
}
