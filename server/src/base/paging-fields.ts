import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// Digits only: Number() would also read "0x10", "1e2" and " 5 " as numbers.
const digitsOnly = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;

/** The most pages a list goes to: far past any log a person pages through. */
export const MAX_PAGE = 10_000;

/** A whole-number query parameter from 1 to `max`, such as `page` or `pageSize`. */
export const WholeNumberQuery = (name: string, max: number, fallback: number) => {
  const message = `${name} must be a whole number from 1 to ${max.toLocaleString('en-GB')}.`;
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }),
    IsOptional(),
    Transform(digitsOnly),
    IsInt({ message }),
    Min(1, { message }),
    Max(max, { message }),
  );
};
