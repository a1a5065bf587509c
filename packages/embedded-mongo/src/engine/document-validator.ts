import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../commands/command-error';
import { compileJsonSchema } from './json-schema';
import { MINGO_OPTIONS, withMingo } from './mingo-options';
import { plainNumbers } from './numeric-types';
import { translateRegexes } from './pcre';

export type DocumentValidator = (next: Document, previous?: Document) => void;

/** Options that `create` and `collMod` accept for validation, checked before they are stored. */
export function validationOptions(command: Document): Document {
  const options: Document = {};
  if (command.validator !== undefined) {
    const validator = command.validator;
    if (!validator || typeof validator !== 'object' || Array.isArray(validator)) {
      throw new CommandError('TypeMismatch', "'validator' must be an object");
    }
    compileValidator({ validator });
    options.validator = validator;
  }
  if (command.validationLevel !== undefined) {
    if (!['off', 'moderate', 'strict'].includes(command.validationLevel)) {
      throw new CommandError(
        'BadValue',
        "validationLevel must be one of 'off', 'moderate', 'strict'",
      );
    }
    options.validationLevel = command.validationLevel;
  }
  if (command.validationAction !== undefined) {
    if (!['error', 'warn'].includes(command.validationAction)) {
      throw new CommandError('BadValue', "validationAction must be one of 'error', 'warn'");
    }
    options.validationAction = command.validationAction;
  }
  return options;
}

/**
 * A collection's validator as mongod applies it: `strict` checks every
 * insert and update, `moderate` skips updates of documents that were already
 * invalid, `warn` (like `off`) never refuses a write.
 */
export function compileValidator(options: Document): DocumentValidator | undefined {
  const { validator, validationLevel = 'strict', validationAction = 'error' } = options;
  if (
    !validator ||
    Object.keys(validator).length === 0 ||
    validationLevel === 'off' ||
    validationAction === 'warn'
  ) {
    return undefined;
  }
  const query = withMingo(
    () =>
      new Query(translateRegexes(plainNumbers(validator as Document)), {
        ...MINGO_OPTIONS,
        jsonSchemaValidator: (schema) => compileJsonSchema(schema),
      }),
  );
  return (next, previous) => {
    if (query.test(next)) return;
    if (previous && validationLevel === 'moderate' && !query.test(previous)) return;
    throw new CommandError('DocumentValidationFailure', 'Document failed validation', {
      errInfo: {
        failingDocumentId: next._id,
        details: { operatorName: Object.keys(validator)[0] },
      },
    });
  };
}
