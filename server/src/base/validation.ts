import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Matches, type ValidationError, type ValidationOptions } from 'class-validator';
import { BadRequest } from './errors';

/**
 * Every body, query and parameter DTO goes through this pipe: unknown fields
 * are refused (not silently dropped) and the messages name the field.
 */
export function createValidationPipe(): ValidationPipe {
  return new BodyAndQueryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequest(describeValidationErrors(errors)),
  });
}

/**
 * Route parameters are ids and tokens checked by their own pipes (unknown or
 * malformed → 404); a class-typed parameter such as ObjectId must not be
 * mistaken for a DTO here.
 */
class BodyAndQueryValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return metadata.type !== 'param' && super.toValidate(metadata);
  }
}

export function describeValidationErrors(errors: ValidationError[], parent = ''): string {
  const messages: string[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      if (rule === 'whitelistValidation') {
        messages.push(`"${field}" is not a field this request accepts; remove it.`);
      } else if (rule === 'unknownValue') {
        messages.push('Send a JSON object as the request body.');
      } else {
        messages.push(message);
      }
    }
    if (error.children?.length) messages.push(describeValidationErrors(error.children, field));
  }
  return messages.join(' ') || 'The request is not valid.';
}

/**
 * For email fields: addresses are compared and stored in lower case, so length
 * limits must apply to that form ("İ" becomes two characters when lowered).
 */
export function normalisedEmail({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}

/** For `@Transform(trimmed)`: surrounding spaces are a slip, not part of the value. */
export function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** `trimmed` for each text in a list; anything else is left for the validators to name. */
export function eachTrimmed({ value }: { value: unknown }): unknown {
  return Array.isArray(value) ? value.map((item) => trimmed({ value: item })) : value;
}

/**
 * Names and titles are shown as one line (headings, lists, the audit log); a line
 * break in one is a paste that went wrong.
 */
export const SingleLine = (message: string, options: ValidationOptions = {}) =>
  Matches(/^[^\r\n\u2028\u2029]*$/, { ...options, message });
