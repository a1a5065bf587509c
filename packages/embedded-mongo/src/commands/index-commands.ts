import { valueText } from '../engine/value-text';
import type { Document } from 'bson';
import { CommandError } from './command-error';
import { optionalArray, targetCollection, type CommandHandler } from './command-context';
import type { IndexSpec } from '../engine/collection-index';
import { ID_INDEX_NAME, type Collection } from '../engine/collection';
import { compileFilter } from '../engine/mingo-options';
import { toNumber, typeRank, TypeRank } from '../engine/bson-order';
import { Long } from 'bson';

/** mongod's limit of indexes per collection, `_id_` included. */
const MAX_INDEXES = 64;

/** Options that make two indexes on the same key different indexes. */
const COMPARED_OPTIONS = [
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
] as const;

function parseKey(raw: unknown): Record<string, 1 | -1> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    throw new CommandError('BadValue', 'Index key pattern must be a non-empty object');
  }
  const key: Record<string, 1 | -1> = {};
  for (const [path, direction] of Object.entries(raw as Document)) {
    if (typeRank(direction) !== TypeRank.number || toNumber(direction) === 0) {
      throw new CommandError(
        'BadValue',
        `Index type ${valueText(direction)} for field '${path}' is not supported by embedded-mongo; use 1 or -1`,
      );
    }
    if (path.length === 0 || path.startsWith('$'))
      throw new CommandError('BadValue', `Bad index key pattern field: '${path}'`);
    key[path] = toNumber(direction) > 0 ? 1 : -1;
  }
  return key;
}

/** The spec `createIndexes` stores for one requested index, validated as mongod does. */
export function parseIndexSpec(raw: unknown): IndexSpec {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new CommandError('TypeMismatch', 'each index specification must be an object');
  }
  const request = raw as Document;
  const key = parseKey(request.key);
  const name =
    request.name ??
    Object.entries(key)
      .map(([path, direction]) => `${path}_${direction}`)
      .join('_');
  if (typeof name !== 'string' || name.length === 0) {
    throw new CommandError('TypeMismatch', 'The index name must be a non-empty string');
  }
  const spec: IndexSpec = { v: 2, key, name };
  if (request.unique !== undefined) {
    if (request.unique) spec.unique = true;
  }
  if (request.sparse !== undefined) {
    if (request.sparse) spec.sparse = true;
  }
  if (request.partialFilterExpression !== undefined) {
    const filter = request.partialFilterExpression;
    if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
      throw new CommandError('TypeMismatch', 'partialFilterExpression must be an object');
    }
    compileFilter(filter);
    spec.partialFilterExpression = filter as Document;
  }
  if (request.expireAfterSeconds !== undefined) {
    const seconds =
      typeRank(request.expireAfterSeconds) === TypeRank.number
        ? toNumber(request.expireAfterSeconds)
        : NaN;
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new CommandError(
        'InvalidOptions',
        "TTL index 'expireAfterSeconds' option must be a non-negative number",
      );
    }
    if (Object.keys(key).length !== 1) {
      throw new CommandError(
        'InvalidOptions',
        'TTL indexes are single-field indexes, compound indexes do not support TTL',
      );
    }
    spec.expireAfterSeconds = Math.trunc(seconds);
  }
  if (name === ID_INDEX_NAME && (Object.keys(key).join() !== '_id' || spec.unique === false)) {
    throw new CommandError('BadValue', "The index name '_id_' is reserved for the _id index");
  }
  return spec;
}

const sameKey = (a: IndexSpec, b: IndexSpec) => JSON.stringify(a.key) === JSON.stringify(b.key);
const sameOptions = (a: IndexSpec, b: IndexSpec) =>
  COMPARED_OPTIONS.every((option) => JSON.stringify(a[option]) === JSON.stringify(b[option]));

/** Whether `spec` is already present (true), new (false), or conflicts with an existing index (throws 85/86). */
function alreadyExists(collection: Collection | undefined, spec: IndexSpec): boolean {
  if (!collection) return false;
  if (
    spec.name === ID_INDEX_NAME ||
    (Object.keys(spec.key).join() === '_id' && !spec.partialFilterExpression && !spec.sparse)
  ) {
    return true;
  }
  for (const index of collection.indexes.values()) {
    const existing = index.spec;
    if (existing.name === spec.name) {
      if (!sameKey(existing, spec)) {
        throw new CommandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
        );
      }
      if (!sameOptions(existing, spec)) {
        throw new CommandError(
          'IndexOptionsConflict',
          `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
        );
      }
      return true;
    }
    if (sameKey(existing, spec) && sameOptions(existing, spec)) {
      throw new CommandError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${existing.name}`,
      );
    }
  }
  return false;
}

const createIndexes: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'createIndexes', db);
  const requested = optionalArray(command, 'indexes');
  if (!requested || requested.length === 0) {
    throw new CommandError('BadValue', 'Must specify at least one index to create');
  }
  const specs = requested.map(parseIndexSpec);
  return engine.write((changes) => {
    const existing = engine.catalog.get(db, name);
    const fresh = specs.filter((spec) => !alreadyExists(existing, spec));
    const before = existing?.indexes.size ?? 1;
    if (before + fresh.length > MAX_INDEXES) {
      throw new CommandError(
        'CannotCreateIndex',
        `add index fails, too many indexes for ${db}.${name} key:${valueText(fresh[fresh.length - 1].key)}`,
      );
    }
    const collection = engine.catalog.obtain(db, name, changes);
    for (const spec of fresh) {
      if (fresh.filter((other) => other.name === spec.name).length > 1) {
        throw new CommandError(
          'IndexKeySpecsConflict',
          `Cannot create two indexes named ${spec.name} in one command`,
        );
      }
    }
    for (const spec of fresh) {
      collection.addIndex(spec);
      changes.push({ op: 'createIndex', db, coll: name, spec });
    }
    return {
      numIndexesBefore: before,
      numIndexesAfter: collection.indexes.size,
      createdCollectionAutomatically: !existing,
      ...(fresh.length === 0 ? { note: 'all indexes already exist' } : {}),
      ok: 1,
    };
  });
};

const listIndexes: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'listIndexes', db);
  const collection = engine.catalog.get(db, name);
  if (!collection) throw new CommandError('NamespaceNotFound', `ns does not exist: ${db}.${name}`);
  const firstBatch = [...collection.indexes.values()].map((index) => index.spec);
  return { cursor: { id: Long.ZERO, ns: `${db}.${name}`, firstBatch }, ok: 1 };
};

function indexesToDrop(collection: Collection, selector: unknown): string[] {
  const all = [...collection.indexes.keys()];
  if (selector === '*') return all.filter((name) => name !== ID_INDEX_NAME);
  const names = Array.isArray(selector) ? selector : [selector];
  return names.map((item) => {
    const found =
      typeof item === 'string'
        ? collection.indexes.get(item)
        : [...collection.indexes.values()].find(
            (index) => JSON.stringify(index.spec.key) === JSON.stringify(parseKey(item)),
          );
    if (!found) {
      throw new CommandError(
        'IndexNotFound',
        `index not found with name [${typeof item === 'string' ? item : valueText(item)}]`,
      );
    }
    if (found.name === ID_INDEX_NAME)
      throw new CommandError('InvalidOptions', 'cannot drop _id index');
    return found.name;
  });
}

const dropIndexes: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, Object.keys(command)[0], db);
  const collection = engine.catalog.get(db, name);
  if (!collection) throw new CommandError('NamespaceNotFound', `ns not found ${db}.${name}`);
  const names = indexesToDrop(collection, command.index);
  const nIndexesWas = collection.indexes.size;
  return engine.write((changes) => {
    for (const indexName of names) {
      collection.indexes.delete(indexName);
      changes.push({ op: 'dropIndex', db, coll: name, name: indexName });
    }
    return { nIndexesWas, ok: 1 };
  });
};

export const indexCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
