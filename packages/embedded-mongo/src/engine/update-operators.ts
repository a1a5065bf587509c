import { ownField, setOwnField } from './own-fields';
import { Long } from 'bson';
import { valueText } from './value-text';
import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { compareValues, TypeRank, typeRank } from './bson-order';
import { asKind, numberKind } from './numeric-types';

/**
 * Where mingo's update operators differ from mongod's, the difference is
 * handled here: numeric operators checked for types, and `$addToSet`
 * comparing embedded documents field by field *in order*, as BSON does.
 */

const isPositional = (path: string) => path.split('.').some((part) => part.startsWith('$'));

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (typeRank(value) === TypeRank.objectId) return 'objectId';
  return typeRank(value) === TypeRank.object ? 'object' : typeof value;
}

/** The value at a plain dotted path (object fields and array indexes), or undefined. */
function valueAt(doc: unknown, path: string): unknown {
  let node = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(part)) return undefined;
      node = node[Number(part)];
    } else {
      node = ownField(node, part);
    }
  }
  return node;
}

/** Every path an update touches, from all operators (and both ends of a `$rename`). */
function touchedPaths(update: Document): string[] {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    for (const [path, argument] of Object.entries(fields as Document)) {
      paths.push(path);
      if (operator === '$rename' && typeof argument === 'string') paths.push(argument);
    }
  }
  return paths;
}

/** Rejects two operators on one path or on a path and its parent (ConflictingUpdateOperators, 40). */
export function assertNoConflicts(update: Document): void {
  const paths = touchedPaths(update);
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i], paths[j]];
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw new CommandError(
          'ConflictingUpdateOperators',
          `Updating the path '${b}' would create a conflict at '${a.length < b.length ? a : b}'`,
        );
      }
    }
  }
}

/** `$inc` and `$mul` need numbers on both sides (TypeMismatch, 14). */
export function assertNumericOperands(doc: Document, update: Document): void {
  for (const operator of ['$inc', '$mul'] as const) {
    const fields = update[operator] as Document | undefined;
    if (!fields) continue;
    const verb = operator === '$inc' ? 'increment' : 'multiply';
    for (const [path, argument] of Object.entries(fields)) {
      if (typeRank(argument) !== TypeRank.number) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot ${verb} with non-numeric argument: {${path}: ${valueText(argument)}}`,
        );
      }
      if (isPositional(path)) continue;
      const current = valueAt(doc, path);
      if (current !== undefined && typeRank(current) !== TypeRank.number) {
        throw new CommandError(
          'TypeMismatch',
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${valueText(doc._id)}} has the field '${path.split('.').pop()}' of non-numeric type ${typeName(current)}`,
        );
      }
    }
  }
}

/** Splits `$addToSet` fields this module applies (plain paths) from those left to mingo (positional). */
export function splitAddToSet(update: Document): { ours: Document; rest: Document } {
  const fields = update.$addToSet as Document | undefined;
  if (!fields) return { ours: {}, rest: update };
  const ours: Document = {};
  const theirs: Document = {};
  for (const [path, argument] of Object.entries(fields))
    (isPositional(path) ? theirs : ours)[path] = argument;
  const rest: Document = { ...update };
  if (Object.keys(theirs).length) rest.$addToSet = theirs;
  else delete rest.$addToSet;
  return { ours, rest };
}

/** Applies plain-path `$addToSet` fields to `doc` (a private copy), creating missing arrays. */
export function applyAddToSet(doc: Document, fields: Document): void {
  for (const [path, argument] of Object.entries(fields)) {
    const each =
      argument && typeof argument === 'object' && !Array.isArray(argument) && '$each' in argument
        ? (argument as Document).$each
        : [argument];
    if (!Array.isArray(each)) {
      throw new CommandError(
        'TypeMismatch',
        `The argument to $each in $addToSet must be an array but it was of type ${typeName(each)}`,
      );
    }
    const parts = path.split('.');
    let parent: Document = doc;
    for (const part of parts.slice(0, -1)) {
      const child = Array.isArray(parent) ? parent[Number(part)] : ownField(parent, part);
      if (child === undefined || child === null) {
        if (Array.isArray(parent))
          throw new CommandError(
            'BadValue',
            `Cannot create field '${part}' in element of array ${path}`,
          );
        setOwnField(parent, part, {});
      } else if (typeof child !== 'object') {
        throw new CommandError(
          'PathNotViable',
          `Cannot create field '${parts[parts.length - 1]}' in element {${part}: ${valueText(child)}}`,
        );
      }
      parent = (Array.isArray(parent) ? parent[Number(part)] : ownField(parent, part)) as Document;
    }
    const field = parts[parts.length - 1];
    const current = Array.isArray(parent) ? parent[Number(field)] : ownField(parent, field);
    if (current === undefined) {
      const added: unknown[] = [];
      for (const value of each)
        if (!added.some((seen) => compareValues(seen, value) === 0)) added.push(value);
      setOwnField(parent, field, added);
      continue;
    }
    if (!Array.isArray(current)) {
      throw new CommandError(
        'BadValue',
        `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${typeName(current)}`,
      );
    }
    for (const value of each)
      if (!current.some((seen) => compareValues(seen, value) === 0)) current.push(value);
  }
}

function setAt(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (const part of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = Array.isArray(node) ? node[Number(part)] : ownField(node, part);
  }
  if (node === null || typeof node !== 'object') return;
  const last = parts[parts.length - 1];
  if (Array.isArray(node)) node[Number(last)] = value;
  else setOwnField(node as Document, last, value);
}

/**
 * Gives numbers computed by `$inc`/`$mul` the type mongod would (int32
 * overflowing into int64, double when a double is involved), and `$min`/`$max`
 * the argument's own type when it won. `after` is the plain-number result.
 */
export function applyNumericKinds(before: Document, after: Document, update: Document): void {
  for (const operator of ['$inc', '$mul'] as const) {
    for (const [path, argument] of Object.entries(
      (update[operator] as Document | undefined) ?? {},
    )) {
      if (isPositional(path)) continue;
      const result = valueAt(after, path);
      if (typeof result !== 'number') continue;
      const previous = valueAt(before, path);
      const kinds = [numberKind(previous) ?? 'int', numberKind(argument)];
      if (kinds.includes('long') && !kinds.includes('double') && !kinds.includes('decimal')) {
        // int64 arithmetic is exact, also beyond 2^53 where the double result is not.
        const start = Long.fromValue((previous ?? 0) as number | Long);
        const operand = Long.fromValue(argument as number | Long);
        setAt(after, path, operator === '$inc' ? start.add(operand) : start.multiply(operand));
        continue;
      }
      setAt(after, path, asKind(result, kinds));
    }
  }
  for (const operator of ['$min', '$max'] as const) {
    for (const [path, argument] of Object.entries(
      (update[operator] as Document | undefined) ?? {},
    )) {
      if (isPositional(path) || numberKind(argument) === undefined) continue;
      const result = valueAt(after, path);
      const previous = valueAt(before, path);
      const changed = previous === undefined || Number(previous) !== result;
      if (typeof result === 'number' && changed && Number(argument) === result)
        setAt(after, path, argument);
    }
  }
}

/**
 * Since MongoDB 5.0 an update adds new fields in lexicographic order of their
 * paths, after the existing ones (which keep their places). mingo adds them in
 * operator order, so the levels the update paths pass through are reordered.
 */
export function orderNewFields(before: unknown, after: unknown, paths: string[]): unknown {
  if (!isPlainDocument(after) || paths.length === 0) return after;
  const old = isPlainDocument(before) ? before : {};
  const children = new Map<string, string[]>();
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (head.startsWith('$') || /^\d+$/.test(head)) continue;
    children.set(head, [...(children.get(head) ?? []), ...(rest.length ? [rest.join('.')] : [])]);
  }
  const keys = Object.keys(after);
  const existing = keys.filter((key) => Object.prototype.hasOwnProperty.call(old, key));
  const added = keys.filter((key) => !Object.prototype.hasOwnProperty.call(old, key)).sort();
  const ordered: Document = {};
  for (const key of [...existing, ...added]) {
    const below = children.get(key);
    const value = after[key];
    setOwnField(
      ordered,
      key,
      below?.length ? orderNewFields(ownField(old, key), value, below) : value,
    );
  }
  return ordered;
}

function isPlainDocument(value: unknown): value is Document {
  return value !== null && typeof value === 'object' && typeRank(value) === TypeRank.object;
}

/** The paths an operator update writes (`$rename` writes its target). */
export function writtenPaths(update: Document): string[] {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    for (const [path, argument] of Object.entries(fields as Document)) {
      paths.push(operator === '$rename' && typeof argument === 'string' ? argument : path);
    }
  }
  return paths;
}

/** `$pop` takes 1 or -1; `$[id]` paths need an array filter for `id`, and every filter must be used. */
export function assertUpdateArguments(
  update: Document,
  arrayFilters: Document[] | undefined,
): void {
  for (const [path, argument] of Object.entries((update.$pop as Document | undefined) ?? {})) {
    if (Number(argument) !== 1 && Number(argument) !== -1) {
      throw new CommandError(
        'FailedToParse',
        `$pop expects 1 or -1, found: ${valueText(argument)} for ${path}`,
      );
    }
  }
  const used = new Set<string>();
  for (const path of touchedPaths(update)) {
    for (const [, identifier] of path.matchAll(/\$\[([^\]]*)\]/g)) {
      if (identifier === '') continue;
      used.add(identifier);
    }
  }
  const defined = new Set<string>();
  for (const filter of arrayFilters ?? []) {
    const identifiers = new Set(Object.keys(filter).map((key) => key.split('.')[0]));
    if (identifiers.size !== 1) {
      throw new CommandError(
        'FailedToParse',
        'Each array filter must use a single top-level field name',
      );
    }
    const [identifier] = identifiers;
    if (defined.has(identifier)) {
      throw new CommandError(
        'FailedToParse',
        `Found multiple array filters with the same top-level field name ${identifier}`,
      );
    }
    defined.add(identifier);
  }
  for (const path of touchedPaths(update)) {
    for (const [, identifier] of path.matchAll(/\$\[([^\]]+)\]/g)) {
      if (!defined.has(identifier)) {
        throw new CommandError(
          'BadValue',
          `No array filter found for identifier '${identifier}' in path '${path}'`,
        );
      }
    }
  }
  for (const identifier of defined) {
    if (!used.has(identifier)) {
      throw new CommandError(
        'FailedToParse',
        `The array filter for identifier '${identifier}' was not used in the update ${valueText(update)}`,
      );
    }
  }
}

/** The operators that write at their path (so the path's parents must be documents or arrays). */
const CREATING_OPERATORS = [
  '$set',
  '$setOnInsert',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$addToSet',
  '$currentDate',
];
const ARRAY_OPERATORS = ['$push', '$pull', '$pullAll', '$pop'];

/** The checks mongod makes of an operator update against one document, before changing it. */
export function assertUpdateApplies(doc: Document, update: Document): void {
  const writes: string[] = [];
  for (const operator of CREATING_OPERATORS)
    writes.push(...Object.keys((update[operator] as Document | undefined) ?? {}));
  for (const target of Object.values((update.$rename as Document | undefined) ?? {})) {
    if (typeof target === 'string') writes.push(target);
  }
  for (const path of writes) {
    if (isPositional(path)) continue;
    const parts = path.split('.');
    let node: unknown = doc;
    for (let i = 0; i < parts.length - 1; i++) {
      const child: unknown = Array.isArray(node)
        ? node[Number(parts[i])]
        : ownField(node, parts[i]);
      if (child === undefined) break;
      const next = parts[i + 1];
      if (
        child === null ||
        typeof child !== 'object' ||
        typeRank(child) !== (Array.isArray(child) ? TypeRank.array : TypeRank.object) ||
        (Array.isArray(child) && !/^\d+$/.test(next))
      ) {
        throw new CommandError(
          'PathNotViable',
          `Cannot create field '${next}' in element {${parts[i]}: ${valueText(child)}}`,
        );
      }
      node = child;
    }
  }
  for (const operator of ARRAY_OPERATORS) {
    for (const path of Object.keys((update[operator] as Document | undefined) ?? {})) {
      if (isPositional(path)) continue;
      const current = valueAt(doc, path);
      if (current === undefined || Array.isArray(current)) continue;
      if (operator === '$push') {
        throw new CommandError(
          'BadValue',
          `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${valueText(doc._id)}}`,
        );
      }
      if (operator === '$pop') {
        throw new CommandError(
          'TypeMismatch',
          `Path '${path}' contains an element of non-array type '${typeName(current)}'`,
        );
      }
      throw new CommandError('BadValue', 'Cannot apply $pull to a non-array value');
    }
  }
}
