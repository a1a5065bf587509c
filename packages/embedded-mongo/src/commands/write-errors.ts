import type { Document } from 'bson';
import { CommandError } from './command-error';
import { mingoError } from '../engine/mingo-options';

/** One entry of a write command's `writeErrors`, shaped as mongod reports it. */
export function writeError(index: number, error: unknown): Document {
  if (error instanceof CommandError) {
    return {
      index,
      code: error.code,
      codeName: error.codeName,
      errmsg: error.message,
      ...error.extra,
    };
  }
  return writeError(index, mingoError(error));
}

/** Runs each statement of a batch; ordered batches stop at the first failure, unordered ones go on. */
export function runStatements<T>(
  statements: T[],
  ordered: boolean,
  run: (statement: T, index: number) => void,
): Document[] {
  const errors: Document[] = [];
  for (let index = 0; index < statements.length; index++) {
    try {
      run(statements[index], index);
    } catch (error) {
      errors.push(writeError(index, error));
      if (ordered) break;
    }
  }
  return errors;
}
