import type { ChangeNameRequest } from '@coproduce/domain';
import { PersonName } from '../../accounts/account-fields';

export class ChangeNameDto implements ChangeNameRequest {
  @PersonName({ description: 'Your name, as others in your workspaces see it' })
  name: string;
}
