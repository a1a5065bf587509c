import { replaceWithResults } from '../engine/aggregation-output';
import { assertCollectionName, assertDatabaseName } from '../engine/namespace';
import { valueText } from '../engine/value-text';
import { Long, type Document } from 'bson';
import { CommandError } from './command-error';
import {
  optionalBoolean,
  optionalCount,
  optionalDocument,
  targetCollection,
  type CommandHandler,
} from './command-context';
import { findDocuments, type FindRequest } from '../engine/find-documents';
import {
  compareValues,
  idKey,
  toNumber,
  typeRank,
  TypeRank,
  valuesAtPath,
} from '../engine/bson-order';
import { compilePipeline, withMingo } from '../engine/mingo-options';
import { plainNumbers } from '../engine/numeric-types';

/** A find's `limit`: negative means "one batch of that many" (legacy drivers). */
function parseLimit(command: Document): { limit?: number; singleBatch: boolean } {
  const raw = command.limit;
  const singleBatch = optionalBoolean(command, 'singleBatch') ?? false;
  if (raw === undefined || raw === null) return { singleBatch };
  if (typeRank(raw) !== TypeRank.number) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'FindCommandRequest.limit' is the wrong type, expected a number",
    );
  }
  const limit = Math.trunc(toNumber(raw));
  return limit < 0 ? { limit: -limit, singleBatch: true } : { limit, singleBatch };
}

/** The find arguments of a `find` command (also what `explain` runs). */
export function findRequestOf(command: Document): FindRequest & { singleBatch: boolean } {
  const { limit, singleBatch } = parseLimit(command);
  return {
    filter: optionalDocument(command, 'filter'),
    sort: optionalDocument(command, 'sort'),
    projection: optionalDocument(command, 'projection'),
    skip: optionalCount(command, 'skip'),
    limit,
    hint: command.hint,
    singleBatch,
  };
}

const find: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'find', db);
  const request = findRequestOf(command);
  const { results } = findDocuments(engine.catalog.get(db, name), request);
  const batchSize = optionalCount(command, 'batchSize');
  const cursor = engine.cursors.open(`${db}.${name}`, results, batchSize, request.singleBatch);
  return { cursor, ok: 1 };
};

const count: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'count', db);
  const collection = engine.catalog.get(db, name);
  const query = optionalDocument(command, 'query') ?? {};
  const skip = optionalCount(command, 'skip') ?? 0;
  const limit = Math.abs(toNumber(command.limit ?? 0));
  if (!collection) return { n: 0, ok: 1 };
  if (Object.keys(query).length === 0 && skip === 0 && limit === 0) {
    return { n: collection.docs.size, ok: 1 };
  }
  const { results } = findDocuments(collection, { filter: query, skip, limit, hint: command.hint });
  let n = 0;
  while (!results.next().done) n++;
  return { n, ok: 1 };
};

const distinct: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'distinct', db);
  const key = command.key;
  if (typeof key !== 'string' || key.length === 0) {
    throw new CommandError('TypeMismatch', "BSON field 'distinct.key' is missing or not a string");
  }
  const { results } = findDocuments(engine.catalog.get(db, name), {
    filter: optionalDocument(command, 'query'),
  });
  const seen = new Map<string, unknown>();
  for (let next = results.next(); !next.done; next = results.next()) {
    for (const value of valuesAtPath(next.value, key)) {
      if (value !== undefined) seen.set(idKey(value), value);
    }
  }
  return { values: [...seen.values()].sort(compareValues), ok: 1 };
};

/**
 * Rewrites stages whose mingo behaviour differs from mongod's into the
 * equivalent mongod documents: `$count` gives no document for no input.
 */
function asMongodStages(stage: Document): Document[] {
  if (stage && typeof stage === 'object' && '$count' in stage) {
    const field = stage.$count;
    if (
      typeof field !== 'string' ||
      field.length === 0 ||
      field.startsWith('$') ||
      field.includes('.')
    ) {
      throw new CommandError(
        'BadValue',
        'the count field must be a non-empty string that does not start with $ or contain .',
      );
    }
    return [{ $group: { _id: null, [field]: { $sum: 1 } } }, { $project: { _id: 0 } }];
  }
  if (stage && typeof stage === 'object' && '$lookup' in stage) assertLookup(stage.$lookup);
  return [stage];
}

/** mingo trusts `$lookup`'s arguments; mongod checks their types first. */
function assertLookup(spec: unknown): void {
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new CommandError('FailedToParse', 'the $lookup specification must be an Object');
  }
  const lookup = spec as Document;
  for (const field of ['from', 'localField', 'foreignField', 'as']) {
    if (lookup[field] !== undefined && typeof lookup[field] !== 'string') {
      throw new CommandError(
        'FailedToParse',
        `$lookup argument '${field}: ${valueText(lookup[field])}' must be a string`,
      );
    }
  }
  if (typeof lookup.as !== 'string' || lookup.as.length === 0 || lookup.as.startsWith('$')) {
    throw new CommandError(
      'FailedToParse',
      "$lookup requires an 'as' field naming a new field (not empty, not starting with '$')",
    );
  }
  if ((lookup.localField === undefined) !== (lookup.foreignField === undefined)) {
    throw new CommandError(
      'FailedToParse',
      "$lookup requires both or neither of 'localField' and 'foreignField' to be specified",
    );
  }
  if (lookup.from === undefined && lookup.pipeline === undefined) {
    throw new CommandError('FailedToParse', "$lookup requires either 'from' or 'pipeline'");
  }
  for (const field of ['localField', 'foreignField'] as const) {
    const path = lookup[field];
    if (
      typeof path === 'string' &&
      (path.length === 0 || path.startsWith('$') || path.split('.').includes(''))
    ) {
      throw new CommandError(
        'FailedToParse',
        `$lookup argument '${field}' must be a valid field path, found: ${valueText(path)}`,
      );
    }
  }
}

/** `$out`'s target: a collection name in this database, or `{ db, coll }`. */
function outTarget(argument: unknown, db: string): [string, string] {
  if (typeof argument === 'string') return [db, argument];
  if (argument && typeof argument === 'object' && !Array.isArray(argument)) {
    const { db: outDb, coll } = argument as Document;
    if (typeof outDb === 'string' && typeof coll === 'string') return [outDb, coll];
  }
  throw new CommandError(
    'FailedToParse',
    `$out target must be a collection name or { db, coll }, found: ${valueText(argument)}`,
  );
}

const aggregate: CommandHandler = (command, { engine, db }) => {
  const target = command.aggregate;
  const name = target === 1 ? undefined : targetCollection(command, 'aggregate', db);
  const pipeline = command.pipeline;
  const cursorOptions = optionalDocument(command, 'cursor');
  if (!cursorOptions && !command.explain) {
    throw new CommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  if (!Array.isArray(pipeline)) {
    throw new CommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  }
  for (const stage of pipeline) {
    const stageName = stage && typeof stage === 'object' ? Object.keys(stage)[0] : undefined;
    if (stageName === '$changeStream') {
      throw new CommandError(
        'Location40573',
        'The $changeStream stage is only supported on replica sets',
      );
    }
    if (stageName === '$merge') {
      throw new CommandError(
        'NotImplemented',
        '$merge is not supported by embedded-mongo; use $out',
      );
    }
    if (stageName === '$out' && stage !== pipeline[pipeline.length - 1]) {
      throw new CommandError('Location40601', '$out can only be the final stage in the pipeline');
    }
  }
  const lastStage = pipeline[pipeline.length - 1] as Document | undefined;
  const out =
    lastStage && typeof lastStage === 'object' && '$out' in lastStage
      ? outTarget(lastStage.$out, db)
      : undefined;
  if (out) {
    assertDatabaseName(out[0]);
    assertCollectionName(out[0], out[1]);
  }
  const collection = name === undefined ? undefined : engine.catalog.get(db, name);
  // A leading $match is answered through the query planner, so it can use an index.
  const [first, ...rest] = pipeline as Document[];
  const leadingMatch =
    first && typeof first === 'object' && '$match' in first
      ? (first.$match as Document)
      : undefined;
  // So is a $project of plain fields straight after it: only those fields are copied out of
  // the stored documents (as MongoDB narrows what a pipeline reads to what it uses).
  const next = leadingMatch ? rest[0] : first;
  const { results } = findDocuments(collection, {
    filter: leadingMatch,
    projection: inclusionOnly(next),
  });
  const source: Document[] = [];
  for (let next = results.next(); !next.done; next = results.next())
    source.push(plainNumbers(next.value));
  const stages = (leadingMatch ? rest : (pipeline as Document[]))
    .filter((stage) => !out || stage !== lastStage)
    .flatMap(asMongodStages);
  const aggregator = compilePipeline(stages, {
    collectionResolver: (other: string) =>
      [...(engine.catalog.get(db, other)?.docs.values() ?? [])].map((doc) => plainNumbers(doc)),
  });
  const output = aggregator.stream(source);
  const iterator: Iterator<Document> = {
    next: () => {
      const step = withMingo(() => output.next());
      return step.done
        ? { done: true, value: undefined }
        : { done: false, value: step.value as Document };
    },
  };
  if (command.explain) {
    return { stages: pipeline, ok: 1 };
  }
  if (out) {
    const [outDb, outName] = out;
    const documents: Document[] = [];
    for (let next = iterator.next(); !next.done; next = iterator.next()) documents.push(next.value);
    return engine.write((changes) => {
      replaceWithResults(engine.catalog, outDb, outName, documents, changes);
      engine.cursors.invalidate(
        (ns) => ns === `${outDb}.${outName}`,
        'collection replaced by $out',
      );
      return {
        cursor: { id: Long.ZERO, ns: `${db}.${name ?? '$cmd.aggregate'}`, firstBatch: [] },
        ok: 1,
      };
    });
  }
  const batchSize = optionalCount(cursorOptions ?? {}, 'batchSize');
  const ns = `${db}.${name ?? '$cmd.aggregate'}`;
  return { cursor: engine.cursors.open(ns, iterator, batchSize), ok: 1 };
};

/** A `$project` stage that only names fields to keep, as a find projection; else undefined. */
function inclusionOnly(stage: unknown): Document | undefined {
  if (!stage || typeof stage !== 'object' || !('$project' in stage)) return undefined;
  const projection = (stage as { $project: unknown }).$project;
  if (!projection || typeof projection !== 'object' || Array.isArray(projection)) return undefined;
  const entries = Object.entries(projection);
  const plain = entries.every(
    ([path, value]) =>
      !path.startsWith('$') && (value === 1 || value === true) && !path.includes('.'),
  );
  return entries.length > 0 && plain ? (projection as Document) : undefined;
}

export const readCommands: Record<string, CommandHandler> = { find, count, distinct, aggregate };
