import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { normalisedEmail, SingleLine, trimmed } from '../../base/validation';

/**
 * The rules for the fields of a new account, one place for every form that makes one
 * (accepting an invitation, first-run set-up). `optional` where the route decides later
 * whether the field is needed.
 */
interface FieldOptions {
  optional?: boolean;
  description?: string;
}

function documented(options: FieldOptions, schema: Parameters<typeof ApiProperty>[0]) {
  return options.optional
    ? [ApiPropertyOptional({ ...schema, description: options.description }), IsOptional()]
    : [ApiProperty({ ...schema, description: options.description })];
}

/** A person's name as others in their workspaces will see it. */
export const PersonName = (options: FieldOptions = {}) =>
  applyDecorators(
    ...documented(options, { example: 'Sam Taylor', maxLength: 120 }),
    Transform(trimmed),
    MinLength(1, { message: 'Enter your name.' }),
    MaxLength(120, { message: 'Your name must be 120 characters or fewer.' }),
    SingleLine('Your name must be on one line.'),
    IsString({ message: 'Enter your name.' }),
  );

/** An email address, stored in lower case. */
export const EmailAddress = (options: FieldOptions = {}) =>
  applyDecorators(
    ...documented(options, { example: 'sam.taylor@example.org', maxLength: 254 }),
    Transform(normalisedEmail),
    MaxLength(254, { message: 'The email address must be 254 characters or fewer.' }),
    IsEmail(
      {},
      { message: 'Enter an email address in the correct format, like name@example.org.' },
    ),
    IsString({ message: 'Enter your email address.' }),
  );

/** A password being chosen (signing in checks none of these rules). */
export const NewPassword = (options: FieldOptions = {}) =>
  applyDecorators(
    ...documented(options, { minLength: 10, maxLength: 200 }),
    MinLength(10, { message: 'Choose a password of at least 10 characters.' }),
    MaxLength(200, { message: 'The password must be 200 characters or fewer.' }),
    IsString({ message: 'Choose a password.' }),
  );
