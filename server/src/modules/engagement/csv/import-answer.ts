import type { Response } from 'express';
import { BadRequest } from '../../../base/errors';
import type { RowProblem } from './csv-file';

/** Problems listed in one answer: enough to fix a file column by column, not a flood. */
export const MOST_PROBLEMS_LISTED = 500;

/** What checking a file found, as `?commit=false` answers it (DESIGN.md, "Engagement"). */
export interface ImportCheck<F extends string> {
  valid: boolean;
  /** Rows found (empty lines left out). */
  rows: number;
  errors: RowProblem[];
  /** The file's header, and which column each field was read from (null: not in the file). */
  headers: string[];
  columns: { field: F; header: string | null }[];
}

/**
 * The one way a CSV import answers: `?commit=false` (the default) 200 with the check and
 * nothing stored; `?commit=true` 201 with what `store` returns, or 400 with the same
 * errors and nothing stored when any row is wrong. `read` is what the check read, for `store`.
 */
export async function answerImport<C extends ImportCheck<string>, R, A>(
  file: unknown,
  commit: 'true' | 'false' | undefined,
  response: Response,
  check: (file: Buffer) => Promise<C & { read: R }>,
  store: (read: R) => Promise<A>,
): Promise<Omit<C, 'read'> | A | Record<string, unknown>> {
  if (!Buffer.isBuffer(file)) {
    throw new BadRequest('Send the file itself as the body, with Content-Type: text/csv.');
  }
  const { read, ...checked } = await check(file);
  if (commit !== 'true') {
    response.status(200);
    return checked;
  }
  if (!checked.valid) {
    response.status(400);
    const rows = new Set(checked.errors.map((error) => error.row)).size;
    return {
      error: {
        code: 'bad-request',
        message: `${rows} row${rows === 1 ? ' has' : 's have'} a problem, so nothing was imported. Correct the rows listed and try again.`,
      },
      ...checked,
    };
  }
  response.status(201);
  return store(read);
}
