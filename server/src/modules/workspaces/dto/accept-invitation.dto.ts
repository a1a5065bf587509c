import type { AcceptInvitationRequest } from '@coproduce/domain';
import { EmailAddress, NewPassword, PersonName } from '../../accounts/account-fields';

/** Fields for creating an account; the service says which are needed for this invitation. */
export class AcceptInvitationDto implements AcceptInvitationRequest {
  @PersonName({ optional: true })
  name?: string;

  @EmailAddress({
    optional: true,
    description: 'Only for an invitation sent as a link, not to an email.',
  })
  email?: string;

  @NewPassword({ optional: true })
  password?: string;
}
