import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../../base/validation';
import { EmailAddress, NewPassword, PersonName } from '../../accounts/account-fields';
import { LeadOrganisation, ServiceArea, WorkspaceName } from '../../workspaces/workspace-fields';
import type { CompleteSetupRequest } from '@coproduce/domain';

/**
 * The first commissioner and their first workspace. The account rules are those of
 * accepting an invitation; the workspace rules those of starting a workspace.
 */
export class CompleteSetupDto implements CompleteSetupRequest {
  @ApiProperty({
    example: 'HK4C-97TW-MQXA',
    description: 'The set-up code the app printed at start.',
  })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter the set-up code.' })
  @MaxLength(40, { message: 'The set-up code is 12 letters and numbers, like HK4C-97TW-MQXA.' })
  @IsString({ message: 'Enter the set-up code.' })
  code: string;

  @PersonName()
  name: string;

  @EmailAddress()
  email: string;

  @NewPassword()
  password: string;

  @WorkspaceName()
  workspaceName: string;

  @ServiceArea()
  serviceArea: string;

  @LeadOrganisation()
  leadOrganisation: string;
}
