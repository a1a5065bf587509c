import type { Document } from 'bson';
import { CommandError } from './command-error';

/** One entry of a write command's `writeErrors`, shaped as mongod reports it. */
export function writeError(index: number, error: unknown): Document {
  if (error instanceof CommandError) {
    return { index, code: error.code, errmsg: error.message, ...error.extra };
  }
  return { index, code: 1, errmsg: error instanceof Error ? error.message : String(error) };
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
