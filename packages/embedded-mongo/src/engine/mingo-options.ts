import { Aggregator, Query } from 'mingo';
import type { Document } from 'bson';
import type { Options } from 'mingo/types';
import { CommandError } from '../commands/command-error';

/** Server-side JavaScript (`$where`, `$function`, `$accumulator`) stays off, as on a hardened mongod. */
export const MINGO_OPTIONS: Partial<Options> = { scriptEnabled: false };

/** Runs a mingo call, turning its errors (unknown operators, bad arguments) into MongoDB's BadValue. */
export function withMingo<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError('BadValue', error instanceof Error ? error.message : String(error));
  }
}

export function compileFilter(filter: unknown): Query {
  if (filter === undefined || filter === null) return new Query({}, MINGO_OPTIONS);
  if (typeof filter !== 'object' || Array.isArray(filter)) {
    throw new CommandError('TypeMismatch', 'filter must be an object');
  }
  return withMingo(() => new Query(filter as Document, MINGO_OPTIONS));
}

export function compileProjection(projection: unknown): ((doc: Document) => Document) | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (typeof projection !== 'object' || Array.isArray(projection)) {
    throw new CommandError('TypeMismatch', 'projection must be an object');
  }
  if (Object.keys(projection).length === 0) return undefined;
  const all = new Query({}, MINGO_OPTIONS);
  const project = (doc: Document) =>
    withMingo(() => all.find<Document>([doc], projection as Document).next() as Document);
  return project;
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
  return withMingo(() => new Aggregator(pipeline as Document[], { ...MINGO_OPTIONS, ...options }));
}
