import type { ChoosePasswordRequest } from '@coproduce/domain';
import { NewPassword } from '../../accounts/account-fields';

export class ChoosePasswordDto implements ChoosePasswordRequest {
  @NewPassword()
  password: string;
}
