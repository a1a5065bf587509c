import type { PasswordResetRequest } from '@coproduce/domain';
import { EmailAddress } from '../../accounts/account-fields';

export class RequestPasswordResetDto implements PasswordResetRequest {
  @EmailAddress()
  email: string;
}
