import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  needsOrganisation,
  ROLES,
  type CreateInvitationRequest,
  type Role,
} from '@coproduce/domain';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { normalisedEmail } from '../../../base/validation';
import { MemberOrganisation } from '../workspace-fields';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiPropertyOptional({
    description: 'Leave out to make a link anyone may use once.',
    example: 'parent.carer@example.org',
  })
  @IsOptional()
  @Transform(normalisedEmail)
  @MaxLength(254, { message: 'The email address must be 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  @IsString({ message: 'The email address must be text.' })
  email?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `Choose a role: one of ${ROLES.join(', ')}.` })
  role: Role;

  @ValidateIf(
    (invitation: CreateInvitationDto) =>
      invitation.organisation !== undefined || needsOrganisation(invitation.role),
  )
  @MemberOrganisation()
  organisation?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 7 })
  @IsOptional()
  @IsInt({ message: 'expiresInDays must be a whole number of days from 1 to 30.' })
  @Min(1, { message: 'expiresInDays must be a whole number of days from 1 to 30.' })
  @Max(30, { message: 'expiresInDays must be a whole number of days from 1 to 30.' })
  expiresInDays?: number;
}
