import { ownField, setOwnField } from './own-fields';
import { valueText } from './value-text';
import { BSON, ObjectId, type Document } from 'bson';
import { update as applyOperators } from 'mingo/updater';
import { CommandError } from '../commands/command-error';
import { idKey, TypeRank, typeRank } from './bson-order';
import { compilePipeline, MINGO_OPTIONS, withMingo } from './mingo-options';
import {
  applyAddToSet,
  applyNumericKinds,
  assertUpdateApplies,
  assertUpdateArguments,
  assertNoConflicts,
  assertNumericOperands,
  orderNewFields,
  splitAddToSet,
  writtenPaths,
} from './update-operators';
import { plainNumbers, restoreWrappers } from './numeric-types';

const UPDATE_OPERATORS = new Set([
  '$addToSet',
  '$bit',
  '$currentDate',
  '$inc',
  '$max',
  '$min',
  '$mul',
  '$pop',
  '$pull',
  '$pullAll',
  '$push',
  '$rename',
  '$set',
  '$setOnInsert',
  '$unset',
]);
/** Operators whose arguments take part in arithmetic, so mingo must see them as plain numbers. */
const ARITHMETIC_OPERATORS = ['$inc', '$mul', '$min', '$max', '$bit'];

const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

export type UpdateSpec = Document | Document[];

/** Copies plain objects and arrays so the copy may be changed; BSON values are immutable and shared. */
function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (value !== null && typeof value === 'object' && typeRank(value) === TypeRank.object) {
    const copy: Document = {};
    for (const [key, field] of Object.entries(value)) setOwnField(copy, key, cloneDocument(field));
    return copy as T;
  }
  return value;
}

export function isOperatorUpdate(update: UpdateSpec): boolean {
  if (Array.isArray(update)) return false;
  const first = Object.keys(update)[0];
  return first !== undefined && first.startsWith('$');
}

/** Rejects an update document mongod would refuse to parse, before anything is changed. */
export function validateUpdate(update: unknown): asserts update is UpdateSpec {
  if (Array.isArray(update)) {
    for (const stage of update) {
      const keys =
        stage && typeof stage === 'object' && !Array.isArray(stage) ? Object.keys(stage) : [];
      if (keys.length !== 1) {
        throw new CommandError(
          'Location40323',
          'A pipeline stage specification object must contain exactly one field.',
        );
      }
      if (!PIPELINE_UPDATE_STAGES.has(keys[0])) {
        throw new CommandError(
          'InvalidOptions',
          `${keys[0]} is not allowed to be used within an update`,
        );
      }
    }
    return;
  }
  if (!update || typeof update !== 'object') {
    throw new CommandError('FailedToParse', 'Update argument must be either an object or an array');
  }
  if (!isOperatorUpdate(update)) {
    for (const key of Object.keys(update)) {
      if (key.startsWith('$')) {
        throw new CommandError(
          'BadValue',
          `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
        );
      }
    }
    return;
  }
  for (const [operator, fields] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new CommandError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
      throw new CommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${Array.isArray(fields) ? 'array' : typeof fields} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${valueText(fields)}}`,
      );
    }
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        if (operator !== '$set' && operator !== '$setOnInsert') throw immutableId();
      }
    }
  }
}

function immutableId(): CommandError {
  return new CommandError(
    'ImmutableField',
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );
}

function sameBytes(a: Document, b: Document): boolean {
  return Buffer.compare(BSON.serialize(a), BSON.serialize(b)) === 0;
}

export interface UpdateOutcome {
  doc: Document;
  modified: boolean;
}

/**
 * The document `doc` becomes under `update` (a replacement, operators or a
 * pipeline). `doc` itself is left untouched; `_id` may not change.
 */
export function applyUpdate(
  doc: Document,
  update: UpdateSpec,
  options: { filter?: Document; arrayFilters?: Document[]; inserting?: boolean } = {},
): UpdateOutcome {
  let next: Document;
  if (Array.isArray(update)) {
    const pipeline = compilePipeline(update);
    next = withMingo(() => pipeline.run<Document>([plainNumbers(doc)])[0]);
    next = restoreWrappers(doc, next) as Document;
    if (next._id === undefined && doc._id !== undefined) next = { _id: doc._id, ...next };
  } else if (isOperatorUpdate(update)) {
    const { $setOnInsert, ...operators } = update;
    if (options.inserting && $setOnInsert) {
      operators.$set = {
        ...(operators.$set as Document | undefined),
        ...($setOnInsert as Document),
      };
    }
    assertNoConflicts(operators);
    assertUpdateArguments(operators, options.arrayFilters);
    assertNumericOperands(doc, operators);
    assertUpdateApplies(doc, operators);
    const { ours, rest } = splitAddToSet(operators);
    // mingo computes with plain numbers; values that are only stored ($set, $push...) keep their BSON type.
    const computed: Document = { ...rest };
    for (const operator of ARITHMETIC_OPERATORS) {
      if (computed[operator]) computed[operator] = plainNumbers(computed[operator]);
    }
    next = plainNumbers(doc);
    if (Object.keys(computed).length > 0) {
      // The filter locates positional `$` elements; an upsert's new document has none and need not match it.
      const condition = options.inserting ? undefined : plainNumbers(options.filter);
      const arrayFilters = options.arrayFilters && plainNumbers(options.arrayFilters);
      withMingo(() =>
        applyOperators(next, computed, arrayFilters, condition, {
          cloneMode: 'deep',
          queryOptions: MINGO_OPTIONS,
        }),
      );
    }
    applyAddToSet(next, ours);
    // Typed results first: a value that rounds back to the old one must not be taken for unchanged.
    applyNumericKinds(doc, next, operators);
    next = restoreWrappers(doc, next) as Document;
    next = orderNewFields(doc, next, writtenPaths(operators)) as Document;
  } else {
    const { _id, ...replacement } = update;
    if (_id !== undefined && doc._id !== undefined && idKey(_id) !== idKey(doc._id)) {
      throw new CommandError(
        'ImmutableField',
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${valueText(_id)}`,
      );
    }
    next = { _id: doc._id ?? _id, ...replacement };
  }
  if (doc._id !== undefined && (next._id === undefined || idKey(next._id) !== idKey(doc._id))) {
    throw immutableId();
  }
  if (next._id === undefined) {
    const { _id: _missing, ...fields } = next;
    next = { _id: new ObjectId(), ...fields };
  } else if (Object.keys(next)[0] !== '_id') next = { _id: next._id, ...next };
  return { doc: next, modified: !sameBytes(doc, next) };
}

function setPath(target: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = ownField(node, part);
    if (!child || typeof child !== 'object') setOwnField(node, part, {});
    node = ownField(node, part) as Document;
  }
  setOwnField(node, parts[parts.length - 1], value);
}

/** The document an upsert starts from: the query's equality conditions, as mongod seeds it. */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  const visit = (clause: Document) => {
    for (const [key, value] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object') visit(part as Document);
        continue;
      }
      if (key.startsWith('$')) continue;
      const rank = typeRank(value);
      if (rank === TypeRank.regex) continue;
      if (rank === TypeRank.object && value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
          if (keys.length === 1 && '$eq' in value) setPath(seed, key, (value as Document).$eq);
          continue;
        }
      }
      setPath(seed, key, cloneDocument(value));
    }
  };
  visit(filter);
  return seed;
}
