import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** The person's current password, asked for again before a change to their account. */
export const CurrentPassword = ({ optional = false, description = '' } = {}) =>
  applyDecorators(
    ...(optional
      ? [ApiPropertyOptional({ maxLength: 200, description }), IsOptional()]
      : [ApiProperty({ maxLength: 200, description })]),
    MinLength(1, { message: 'Enter your current password.' }),
    MaxLength(200, { message: 'The password must be 200 characters or fewer.' }),
    IsString({ message: 'Enter your current password.' }),
  );
