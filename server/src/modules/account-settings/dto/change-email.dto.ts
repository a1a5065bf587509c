import type { ChangeEmailRequest } from '@coproduce/domain';
import { EmailAddress } from '../../accounts/account-fields';
import { CurrentPassword } from './current-password';

export class ChangeEmailDto implements ChangeEmailRequest {
  @EmailAddress({ description: 'The address to sign in with from now on' })
  email: string;

  @CurrentPassword({
    optional: true,
    description:
      'Needed when this Coproduce sends no email (GET /api/mail): the change then happens at once',
  })
  password?: string;
}
