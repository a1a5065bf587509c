import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { CommandError } from '../commands/command-error';
import { valueText } from './value-text';

/**
 * The code-point string operators. JavaScript strings are UTF-16, so an
 * emoji is two units there but one code point (four UTF-8 bytes) in mongod.
 */

type Expression = (doc: unknown, argument: unknown, options: Options) => unknown;

function single(doc: unknown, argument: unknown, options: Options): unknown {
  const value = evalExpr(
    doc,
    Array.isArray(argument) && argument.length === 1 ? argument[0] : argument,
    options,
  );
  return value;
}

function requireString(operator: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new CommandError(
      'BadValue',
      `${operator} requires a string argument, found: ${valueText(value)}`,
    );
  }
  return value;
}

function requireInteger(operator: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CommandError(
      'BadValue',
      `${operator} requires a non-negative integer, found: ${valueText(value)}`,
    );
  }
  return value;
}

const $strLenCP: Expression = (doc, argument, options) =>
  [...requireString('$strLenCP', single(doc, argument, options))].length;

const $strLenBytes: Expression = (doc, argument, options) =>
  Buffer.byteLength(requireString('$strLenBytes', single(doc, argument, options)), 'utf8');

const $substrCP: Expression = (doc, argument, options) => {
  const [value, start, count] = evalExpr(doc, argument, options) as unknown[];
  const points = [...requireString('$substrCP', value ?? '')];
  const from = requireInteger('$substrCP', start);
  return points.slice(from, from + requireInteger('$substrCP', count)).join('');
};

const $indexOfCP: Expression = (doc, argument, options) => {
  const [value, search, start, end] = evalExpr(doc, argument, options) as unknown[];
  if (value === null || value === undefined) return null;
  const points = [...requireString('$indexOfCP', value)];
  const wanted = [...requireString('$indexOfCP', search)];
  const from = start === undefined ? 0 : requireInteger('$indexOfCP', start);
  const to =
    end === undefined ? points.length : Math.min(points.length, requireInteger('$indexOfCP', end));
  for (let i = from; i + wanted.length <= to; i++) {
    if (wanted.every((point, j) => points[i + j] === point)) return i;
  }
  return -1;
};

export const CODE_POINT_EXPRESSIONS: Record<string, Expression> = {
  $strLenCP,
  $strLenBytes,
  $substrCP,
  $indexOfCP,
};
