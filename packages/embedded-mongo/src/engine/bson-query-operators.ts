import { CODE_POINT_EXPRESSIONS } from './code-point-expressions';
import type { Document } from 'bson';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { ExpressionOperator, Options, QueryOperator } from 'mingo/types';
import { resolve } from 'mingo/util';
import { compareValues, TypeRank, typeRank } from './bson-order';
import { numberKind } from './numeric-types';
import { CommandError } from '../commands/command-error';
import { valueText } from './value-text';

/**
 * mingo's comparison operators with BSON's rules instead of JavaScript's:
 * numbers are equal across int32/int64/double, embedded documents are equal
 * only with the same fields in the same order, ranges stay within one type
 * bracket, and `$type` tells int, long, double and decimal apart.
 */

type Predicate = (fieldValue: unknown, operand: unknown) => boolean;
/** mingo's query operator shape: compiled once per query, then tested per document. */
type FieldOperator = (
  selector: string,
  operand: unknown,
  options: Options,
) => (doc: Document) => boolean;

const isMissingOrNull = (value: unknown) => value === undefined || value === null;

function equalBson(a: unknown, b: unknown): boolean {
  if (isMissingOrNull(a) || isMissingOrNull(b)) return isMissingOrNull(a) && isMissingOrNull(b);
  return typeRank(a) === typeRank(b) && compareValues(a, b) === 0;
}

function flatten(values: unknown[], depth: number): unknown[] {
  return depth <= 0
    ? values
    : values.flatMap((value) => (Array.isArray(value) ? flatten(value, depth - 1) : [value]));
}

/** Builds a query operator: the field is resolved (through arrays) and each candidate value is tested. */
function fieldOperator(predicate: Predicate): FieldOperator {
  return (selector: string, operand: unknown) => {
    const depth = selector.split('.').length - 1;
    return (doc: Document) => {
      const value = resolve(doc, selector, { unwrapArray: true });
      if (predicate(value, operand)) return true;
      if (!Array.isArray(value)) return false;
      return flatten(value, Math.max(1, depth)).some((element) => predicate(element, operand));
    };
  };
}

const eq: Predicate = (value, operand) =>
  equalBson(value, operand) || (operand === null && value === undefined);

function range(test: (order: number) => boolean): Predicate {
  return (value, operand) => {
    const actual = value === undefined ? null : value;
    if (Array.isArray(actual) && typeRank(operand) !== TypeRank.array) return false;
    return typeRank(actual) === typeRank(operand) && test(compareValues(actual, operand));
  };
}

function matchesOne(value: unknown, candidate: unknown): boolean {
  if (candidate instanceof RegExp) return typeof value === 'string' && candidate.test(value);
  return eq(value, candidate);
}

const inList: Predicate = (value, operand) =>
  Array.isArray(operand) && operand.some((candidate) => matchesOne(value, candidate));

/** BSON type names and numbers as `$type` accepts them. */
const TYPE_TESTS: Record<string, (value: unknown) => boolean> = {
  double: (v) => numberKind(v) === 'double',
  string: (v) => typeof v === 'string',
  object: (v) => typeRank(v) === TypeRank.object && v !== null && v !== undefined,
  array: Array.isArray,
  binData: (v) => typeRank(v) === TypeRank.binary,
  undefined: (v) => v === undefined,
  objectId: (v) => typeRank(v) === TypeRank.objectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => typeRank(v) === TypeRank.regex,
  int: (v) => numberKind(v) === 'int',
  timestamp: (v) => typeRank(v) === TypeRank.timestamp,
  long: (v) => numberKind(v) === 'long',
  decimal: (v) => numberKind(v) === 'decimal',
  minKey: (v) => typeRank(v) === TypeRank.minKey,
  maxKey: (v) => typeRank(v) === TypeRank.maxKey,
  number: (v) => numberKind(v) !== undefined,
};
const TYPE_NUMBERS: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

const $type: FieldOperator = (selector: string, operand: unknown) => {
  const tests = (Array.isArray(operand) ? operand : [operand]).map((name) => {
    const key =
      typeof name === 'number' ? TYPE_NUMBERS[name] : typeof name === 'string' ? name : undefined;
    const test = key === undefined ? undefined : TYPE_TESTS[key];
    if (!test) throw new CommandError('BadValue', `unknown type name alias: ${valueText(name)}`);
    return test;
  });
  return (doc: Document) => {
    const value = resolve(doc, selector, { unwrapArray: true });
    if (value === undefined) return false;
    const candidates = Array.isArray(value) ? [value, ...value] : [value];
    return candidates.some((candidate) => tests.some((test) => test(candidate)));
  };
};

const negate =
  (operator: FieldOperator): FieldOperator =>
  (selector, operand, options) => {
    const positive = operator(selector, operand, options);
    return (doc: Document) => !positive(doc);
  };

const $eq = fieldOperator(eq);
const $in = fieldOperator(inList);

const BSON_QUERY_OPERATORS: Record<string, FieldOperator> = {
  $eq,
  $ne: negate($eq),
  $in,
  $nin: negate($in),
  $gt: fieldOperator(range((order) => order > 0)),
  $gte: fieldOperator(range((order) => order >= 0)),
  $lt: fieldOperator(range((order) => order < 0)),
  $lte: fieldOperator(range((order) => order <= 0)),
  $type,
};

/**
 * `$arrayToObject: [ <array> ]` takes its one argument wrapped in an array,
 * like every one-argument expression; mingo would read the wrapper as the array.
 */
const mingoArrayToObject = expressionOperators.$arrayToObject as (
  doc: unknown,
  argument: unknown,
  options: Options,
) => unknown;
const $arrayToObject = (doc: unknown, argument: unknown, options: Options): unknown =>
  mingoArrayToObject(
    doc,
    Array.isArray(argument) && argument.length === 1 ? argument[0] : argument,
    options,
  );

/** Division and remainder by zero are errors in mongod, not Infinity or NaN. */
function refusingZeroDivisor(
  operator: '$divide' | '$mod',
  codeName: 'Location16608' | 'Location16610',
) {
  const evaluate = expressionOperators[operator] as (
    doc: unknown,
    argument: unknown,
    options: Options,
  ) => unknown;
  return (doc: unknown, argument: unknown, options: Options): unknown => {
    const values = evalExpr(doc, argument, options);
    if (
      Array.isArray(values) &&
      values.length === 2 &&
      typeof values[1] === 'number' &&
      values[1] === 0
    ) {
      throw new CommandError(
        codeName,
        operator === '$divide' ? "can't $divide by zero" : "can't $mod by 0",
      );
    }
    return evaluate(doc, argument, options);
  };
}

/** Every mingo operator, with the comparison operators above in place of mingo's own. */
export const BSON_CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $arrayToObject: $arrayToObject as ExpressionOperator,
    $divide: refusingZeroDivisor('$divide', 'Location16608') as ExpressionOperator,
    $mod: refusingZeroDivisor('$mod', 'Location16610') as ExpressionOperator,
    ...(CODE_POINT_EXPRESSIONS as Record<string, ExpressionOperator>),
  },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: {
    ...queryOperators,
    ...(BSON_QUERY_OPERATORS as unknown as Record<string, QueryOperator>),
  },
  window: windowOperators,
});
