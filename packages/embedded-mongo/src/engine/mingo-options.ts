import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { Document } from 'bson';
import type { Options } from 'mingo/types';
import { CommandError } from '../commands/command-error';
import { BSON_CONTEXT } from './bson-query-operators';
import { plainNumbers } from './numeric-types';
import { translateRegexes } from './pcre';

/** Server-side JavaScript (`$where`, `$function`, `$accumulator`) stays off, as on a hardened mongod. */
export const MINGO_OPTIONS: Partial<Options> = { scriptEnabled: false, context: BSON_CONTEXT };

/** mingo's error messages for the mistakes mongod has its own codes and words for. */
const MINGO_ERRORS: [RegExp, (match: RegExpExecArray) => CommandError][] = [
  [
    /unknown query operator (\$\w+)/,
    (m) => new CommandError('BadValue', `unknown operator: ${m[1]}`),
  ],
  [
    /unregistered pipeline operator (\$\w+)/,
    (m) => new CommandError('Location40324', `Unrecognized pipeline stage name: '${m[1]}'`),
  ],
  [
    /(?:accumulator|operator|expression) '?(\$\w+)'? is not registered/,
    (m) => new CommandError('InvalidPipelineOperator', `Unrecognized expression '${m[1]}'`),
  ],
  [
    /You must include the array field for '\.\$' as part of the query document/,
    () =>
      new CommandError(
        'BadValue',
        'The positional operator did not find the match needed from the query.',
      ),
  ],
  [
    /would modify the immutable field '_id'/,
    () =>
      new CommandError(
        'ImmutableField',
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      ),
  ],
  [
    /updating the path '([^']*)' would create a conflict at '([^']*)'/,
    (m) =>
      new CommandError(
        'ConflictingUpdateOperators',
        `Updating the path '${m[1]}' would create a conflict at '${m[2]}'`,
      ),
  ],
];

/** Turns an error thrown inside mingo into the error mongod gives for the same mistake (BadValue otherwise). */
export function mingoError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  // A JavaScript TypeError inside mingo means an argument of the wrong shape reached it.
  if (error instanceof TypeError) {
    return new CommandError(
      'BadValue',
      'an operator or stage argument has the wrong type or shape',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, make] of MINGO_ERRORS) {
    const match = pattern.exec(message);
    if (match) return make(match);
  }
  return new CommandError('BadValue', message);
}

/** Runs a mingo call, reporting its errors as mongod would. */
export function withMingo<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw mingoError(error);
  }
}

export function compileFilter(filter: unknown): Query {
  if (filter === undefined || filter === null) return new Query({}, MINGO_OPTIONS);
  if (typeof filter !== 'object' || Array.isArray(filter)) {
    throw new CommandError('TypeMismatch', 'filter must be an object');
  }
  const translated = translateRegexes(plainNumbers(filter as Document, true));
  return withMingo(() => new Query(translated, MINGO_OPTIONS));
}

export function compilePipeline(pipeline: unknown, options: Partial<Options> = {}): Aggregator {
  if (!Array.isArray(pipeline)) {
    throw new CommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  }
  for (const stage of pipeline) {
    if (
      !stage ||
      typeof stage !== 'object' ||
      Array.isArray(stage) ||
      Object.keys(stage).length !== 1
    ) {
      throw new CommandError(
        'Location40323',
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
  }
  return withMingo(
    () =>
      new Aggregator(translateRegexes(plainNumbers(pipeline as Document[])), {
        ...MINGO_OPTIONS,
        ...options,
      }),
  );
}
