import { setOwnField } from './own-fields';
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { CommandError } from '../commands/command-error';
import { TypeRank, typeRank } from './bson-order';
import { compileFilter, MINGO_OPTIONS, withMingo } from './mingo-options';

/** What a projection does at one field: keep it, drop it, cut an array, or pick one element. */
type Leaf =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'slice'; skip: number; count: number | undefined }
  | { kind: 'elemMatch'; query: Query }
  | { kind: 'positional'; field: string; query: Query };
type Node = Leaf | { kind: 'children'; children: Map<string, Node> };

const isPlainObject = (value: unknown): value is Document =>
  value !== null && typeof value === 'object' && typeRank(value) === TypeRank.object;

function parseSlice(path: string, argument: unknown): Leaf {
  const asInt = (value: unknown) =>
    typeRank(value) === TypeRank.number ? Math.trunc(Number(value)) : undefined;
  if (Array.isArray(argument) && argument.length === 2) {
    const [skip, count] = argument.map(asInt);
    if (skip !== undefined && count !== undefined && count > 0)
      return { kind: 'slice', skip, count };
  } else {
    const count = asInt(argument);
    if (count !== undefined) {
      return count >= 0
        ? { kind: 'slice', skip: 0, count }
        : { kind: 'slice', skip: count, count: undefined };
    }
  }
  throw new CommandError(
    'BadValue',
    `$slice for field '${path}' takes a number or [skip, limit > 0]`,
  );
}

/** Parses a projection leaf; `undefined` means "an expression this module leaves to mingo". */
function parseLeaf(path: string, value: unknown): Leaf | undefined {
  if (typeof value === 'boolean') return { kind: value ? 'include' : 'exclude' };
  if (typeRank(value) === TypeRank.number) return { kind: Number(value) ? 'include' : 'exclude' };
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$slice') return parseSlice(path, value.$slice);
    if (keys.length === 1 && keys[0] === '$elemMatch' && isPlainObject(value.$elemMatch)) {
      const filter = value.$elemMatch;
      return { kind: 'elemMatch', query: compileFilter(filter) };
    }
  }
  return undefined;
}

interface ParsedProjection {
  root: Map<string, Node>;
  inclusion: boolean;
  excludeId: boolean;
}

/**
 * `field.$` keeps the first element the query matched: the filter's
 * conditions on that array, tested against each element alone.
 */
function positionalLeaf(field: string, filter: Document): Leaf {
  const conditions: Document = {};
  const collect = (clause: Document) => {
    for (const [key, condition] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) collect(part);
      } else if (key === field || key.startsWith(`${field}.`)) {
        setOwnField(conditions, key, condition);
      }
    }
  };
  collect(filter);
  if (Object.keys(conditions).length === 0) {
    throw new CommandError(
      'BadValue',
      `Executor error during find command :: caused by :: positional operator '${field}.$' couldn't find a matching element in the array`,
    );
  }
  return { kind: 'positional', field, query: compileFilter(conditions) };
}

function parseProjection(spec: Document, filter: Document): ParsedProjection | undefined {
  const root = new Map<string, Node>();
  let mode: 'include' | 'exclude' | undefined;
  let excludeId = false;
  let elemMatchUsed = false;
  const visit = (prefix: string, fields: Document): boolean => {
    for (const [key, value] of Object.entries(fields)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (key.endsWith('.$') && !prefix && !key.slice(0, -2).includes('.') && Number(value)) {
        const field = key.slice(0, -2);
        if (mode === 'exclude') {
          throw new CommandError(
            'Location31254',
            `Cannot do exclusion on field ${path} in inclusion projection`,
          );
        }
        mode = 'include';
        place(root, field, positionalLeaf(field, filter));
        continue;
      }
      if (key.startsWith('$') || key.endsWith('.$')) return false;
      if (
        isPlainObject(value) &&
        Object.keys(value).length > 0 &&
        !Object.keys(value)[0].startsWith('$')
      ) {
        if (!visit(path, value)) return false;
        continue;
      }
      const leaf = parseLeaf(path, value);
      if (!leaf) return false;
      if (leaf.kind === 'elemMatch') elemMatchUsed = true;
      if (path === '_id' && (leaf.kind === 'include' || leaf.kind === 'exclude')) {
        excludeId = leaf.kind === 'exclude';
        if (!excludeId) place(root, path, leaf);
        continue;
      }
      if (leaf.kind === 'include' || leaf.kind === 'exclude') {
        if (mode && mode !== leaf.kind) {
          throw mode === 'include'
            ? new CommandError(
                'Location31254',
                `Cannot do exclusion on field ${path} in inclusion projection`,
              )
            : new CommandError(
                'Location31253',
                `Cannot do inclusion on field ${path} in exclusion projection`,
              );
        }
        mode = leaf.kind;
      }
      place(root, path, leaf);
    }
    return true;
  };
  if (!visit('', spec)) return undefined;
  // `{ _id: 1 }` alone is an inclusion projection (mongoose's exists() asks for exactly that).
  // `$elemMatch` (unlike `$slice`) makes a projection an inclusion one, as in mongod.
  const inclusion =
    mode === 'include' || (mode === undefined && (root.has('_id') || elemMatchUsed));
  return { root, inclusion, excludeId };
}

function place(root: Map<string, Node>, path: string, leaf: Leaf): void {
  const parts = path.split('.');
  let level = root;
  for (const part of parts.slice(0, -1)) {
    let node = level.get(part);
    if (!node || node.kind !== 'children') {
      if (node) throw new CommandError('Location31254', `Path collision at ${path}`);
      node = { kind: 'children', children: new Map() };
      level.set(part, node);
    }
    level = node.children;
  }
  if (level.has(parts[parts.length - 1]))
    throw new CommandError('Location31254', `Path collision at ${path}`);
  level.set(parts[parts.length - 1], leaf);
}

function applyLeaf(leaf: Leaf, value: unknown): unknown {
  if (leaf.kind === 'slice') {
    if (!Array.isArray(value)) return value;
    const start = leaf.skip < 0 ? Math.max(0, value.length + leaf.skip) : leaf.skip;
    return leaf.count === undefined ? value.slice(start) : value.slice(start, start + leaf.count);
  }
  if (leaf.kind === 'positional') {
    if (!Array.isArray(value)) return value;
    const found = value.find((element) => leaf.query.test({ [leaf.field]: [element] }));
    return found === undefined ? undefined : [found];
  }
  if (leaf.kind === 'elemMatch') {
    if (!Array.isArray(value)) return undefined;
    const found = value.find((element) => isPlainObject(element) && leaf.query.test(element));
    return found === undefined ? undefined : [found];
  }
  return value;
}

/** Inclusion: keeps listed paths in stored field order; arrays are projected element by element. */
function include(value: unknown, level: Map<string, Node>): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((element) => isPlainObject(element) || Array.isArray(element))
      .map((element) => include(element, level));
  }
  if (!isPlainObject(value)) return undefined;
  const out: Document = {};
  for (const [key, field] of Object.entries(value)) {
    const node = level.get(key);
    if (!node || node.kind === 'exclude') continue;
    const projected =
      node.kind === 'children' ? include(field, node.children) : applyLeaf(node, field);
    if (projected !== undefined) setOwnField(out, key, projected);
  }
  return out;
}

/** Exclusion: drops listed paths and applies `$slice`/`$elemMatch`, keeping everything else. */
function exclude(value: unknown, level: Map<string, Node>): unknown {
  if (Array.isArray(value))
    return value.map((element) =>
      isPlainObject(element) || Array.isArray(element) ? exclude(element, level) : element,
    );
  if (!isPlainObject(value)) return value;
  const out: Document = {};
  for (const [key, field] of Object.entries(value)) {
    const node = level.get(key);
    if (!node) {
      setOwnField(out, key, field);
      continue;
    }
    if (node.kind === 'exclude' || node.kind === 'include') continue;
    const projected =
      node.kind === 'children' ? exclude(field, node.children) : applyLeaf(node, field);
    if (projected !== undefined) setOwnField(out, key, projected);
  }
  return out;
}

/**
 * A find projection as mongod applies it (field order of the stored document,
 * `_id` unless excluded, nested paths through arrays, `$slice`, `$elemMatch`).
 * Aggregation expressions and positional `$` fall back to mingo.
 */
export function compileProjection(
  projection: unknown,
  filter: Document = {},
): ((doc: Document) => Document) | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (!isPlainObject(projection))
    throw new CommandError('TypeMismatch', 'projection must be an object');
  if (Object.keys(projection).length === 0) return undefined;
  const parsed = parseProjection(projection, filter);
  if (!parsed) {
    const all = new Query({}, MINGO_OPTIONS);
    return (doc) => withMingo(() => all.find<Document>([doc], projection).next() as Document);
  }
  const { root, inclusion, excludeId } = parsed;
  if (inclusion) {
    if (!excludeId && !root.has('_id')) root.set('_id', { kind: 'include' });
    return (doc) => include(doc, root) as Document;
  }
  if (excludeId) root.set('_id', { kind: 'exclude' });
  return (doc) => exclude(doc, root) as Document;
}
