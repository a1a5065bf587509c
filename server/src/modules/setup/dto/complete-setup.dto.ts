import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail, SingleLine, trimmed } from '../../../base/validation';
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

  @ApiProperty({ example: 'Sam Taylor', maxLength: 120 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter your name.' })
  @MaxLength(120, { message: 'Your name must be 120 characters or fewer.' })
  @SingleLine('Your name must be on one line.')
  @IsString({ message: 'Enter your name.' })
  name: string;

  @ApiProperty({ example: 'sam.taylor@example.org' })
  @Transform(normalisedEmail)
  @MaxLength(254, { message: 'The email address must be 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  @IsString({ message: 'Enter your email address.' })
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @MinLength(10, { message: 'Choose a password of at least 10 characters.' })
  @MaxLength(200, { message: 'The password must be 200 characters or fewer.' })
  @IsString({ message: 'Choose a password.' })
  password: string;

  @ApiProperty({ example: 'Short breaks for disabled children', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter a name for the workspace.' })
  @MaxLength(200, { message: 'The workspace name must be 200 characters or fewer.' })
  @SingleLine('The workspace name must be on one line.')
  @IsString({ message: 'Enter a name for the workspace.' })
  workspaceName: string;

  @ApiProperty({ example: 'Disabled children and their families', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter the service area.' })
  @MaxLength(200, { message: 'The service area must be 200 characters or fewer.' })
  @SingleLine('The service area must be on one line.')
  @IsString({ message: 'Enter the service area.' })
  serviceArea: string;

  @ApiProperty({ example: 'North Riverside Integrated Care Board', maxLength: 200 })
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter the lead organisation.' })
  @MaxLength(200, { message: 'The lead organisation must be 200 characters or fewer.' })
  @SingleLine('The lead organisation must be on one line.')
  @IsString({ message: 'Enter the lead organisation.' })
  leadOrganisation: string;
}
