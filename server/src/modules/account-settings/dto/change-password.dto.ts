import type { ChangePasswordRequest } from '@coproduce/domain';
import { NewPassword } from '../../accounts/account-fields';
import { CurrentPassword } from './current-password';

export class ChangePasswordDto implements ChangePasswordRequest {
  @CurrentPassword()
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}
