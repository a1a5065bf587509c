import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SingleLine, trimmed } from './validation';

const count = (n: number) => n.toLocaleString('en-GB');

/** Required text: trimmed, not empty, at most `max` characters. */
export const RequiredText = (what: string, max: number, options: { oneLine?: boolean } = {}) =>
  applyDecorators(
    ApiProperty({ maxLength: max }),
    Transform(trimmed),
    ...(options.oneLine ? [SingleLine(`${what} must be on one line.`)] : []),
    MinLength(1, { message: `Enter ${what.toLowerCase()}.` }),
    MaxLength(max, { message: `${what} must be ${count(max)} characters or fewer.` }),
    IsString({ message: `${what} must be text.` }),
  );

/**
 * Text that may be left out of a change, but when given is as RequiredText asks: not
 * empty (a title cannot be changed to nothing), at most `max` characters.
 */
export const ChangedText = (what: string, max: number, options: { oneLine?: boolean } = {}) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max }),
    IsOptional(),
    Transform(trimmed),
    ...(options.oneLine ? [SingleLine(`${what} must be on one line.`)] : []),
    MinLength(1, { message: `Enter ${what.toLowerCase()}.` }),
    MaxLength(max, { message: `${what} must be ${count(max)} characters or fewer.` }),
    IsString({ message: `${what} must be text.` }),
  );

/** Optional text, possibly empty, at most `max` characters. */
export const OptionalText = (what: string, max: number) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max }),
    IsOptional(),
    Transform(trimmed),
    MaxLength(max, { message: `${what} must be ${count(max)} characters or fewer.` }),
    IsString({ message: `${what} must be text.` }),
  );

/** An optional calendar day, YYYY-MM-DD, that exists. */
export const OptionalCalendarDate = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: '2027-01-29', description: `${what}, YYYY-MM-DD` }),
    IsOptional(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      message: `${what} must be a date like 2027-01-29.`,
    }),
    IsString({ message: `${what} must be a date like 2027-01-29.` }),
  );
