import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AcceptInvitationRequest } from '@coproduce/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail, SingleLine, trimmed } from '../../../base/validation';

/** Fields for creating an account; the service says which are needed for this invitation. */
export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiPropertyOptional({ example: 'Sam Taylor' })
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1, { message: 'Enter your name.' })
  @MaxLength(120, { message: 'Your name must be 120 characters or fewer.' })
  @SingleLine('Your name must be on one line.')
  @IsString({ message: 'Enter your name.' })
  name?: string;

  @ApiPropertyOptional({ description: 'Only for an invitation sent as a link, not to an email.' })
  @IsOptional()
  @Transform(normalisedEmail)
  @MaxLength(254, { message: 'The email address must be 254 characters or fewer.' })
  @IsEmail({}, { message: 'Enter an email address in the correct format, like name@example.org.' })
  @IsString({ message: 'Enter your email address.' })
  email?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 200 })
  @IsOptional()
  @MinLength(10, { message: 'Choose a password of at least 10 characters.' })
  @MaxLength(200, { message: 'The password must be 200 characters or fewer.' })
  @IsString({ message: 'Choose a password.' })
  password?: string;
}
