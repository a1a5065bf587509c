import { BSON, EJSON, Long, type Document } from 'bson';
import { CommandError } from './command-error';
import {
  optionalBoolean,
  optionalDocument,
  targetCollection,
  type CommandHandler,
} from './command-context';
import type { Collection } from '../engine/collection';
import { compileFilter } from '../engine/mingo-options';
import { assertCollectionName, assertDatabaseName } from '../engine/namespace';
import { validationOptions } from '../engine/document-validator';
import { valueText } from '../engine/value-text';

/** Collection kinds this store does not have; refused rather than silently created as plain collections. */
const UNSUPPORTED_CREATE_OPTIONS = ['viewOn', 'pipeline', 'timeseries', 'clusteredIndex', 'capped'];

function sameOptions(a: Document, b: Document): boolean {
  return EJSON.stringify(a, { relaxed: false }) === EJSON.stringify(b, { relaxed: false });
}

const create: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'create', db);
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (command[option]) {
      throw new CommandError(
        'NotImplemented',
        `create with '${option}' is not supported by embedded-mongo`,
      );
    }
  }
  const options = validationOptions(command);
  if (command.collation !== undefined) options.collation = optionalDocument(command, 'collation');
  const existing = engine.catalog.get(db, name);
  if (existing) {
    // As from MongoDB 7.0: creating an existing collection with the same options is a no-op.
    if (sameOptions(existing.options, options)) return { ok: 1 };
    throw new CommandError('NamespaceExists', `Collection ${db}.${name} already exists.`);
  }
  return engine.write((changes) => {
    engine.catalog.obtain(db, name, changes, options);
    return { ok: 1 };
  });
};

/** `collMod`: validation options, and a TTL index's `expireAfterSeconds`. */
const collMod: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'collMod', db);
  const collection = engine.catalog.get(db, name);
  if (!collection) throw new CommandError('NamespaceNotFound', `ns does not exist: ${db}.${name}`);
  const options = { ...collection.options, ...validationOptions(command) };
  const indexChange = optionalDocument(command, 'index');
  const index = indexChange
    ? [...collection.indexes.values()].find((candidate) =>
        typeof indexChange.name === 'string'
          ? candidate.name === indexChange.name
          : EJSON.stringify(candidate.spec.key) === EJSON.stringify(indexChange.keyPattern ?? null),
      )
    : undefined;
  if (indexChange && !index)
    throw new CommandError('IndexNotFound', 'cannot find index for collMod');
  if (index && indexChange?.expireAfterSeconds !== undefined) {
    const seconds = indexChange.expireAfterSeconds;
    if (typeof seconds !== 'number' || seconds < 0 || index.spec.expireAfterSeconds === undefined) {
      throw new CommandError(
        'InvalidOptions',
        'expireAfterSeconds can only be changed on a TTL index, to a number >= 0',
      );
    }
  }
  return engine.write((changes) => {
    const reply: Document = { ok: 1 };
    if (!sameOptions(collection.options, options)) {
      collection.options = options;
      changes.push({ op: 'createCollection', db, coll: name, options });
    }
    if (index && typeof indexChange?.expireAfterSeconds === 'number') {
      const spec = { ...index.spec, expireAfterSeconds: indexChange.expireAfterSeconds };
      reply.expireAfterSeconds_old = index.spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = spec.expireAfterSeconds;
      collection.indexes.delete(index.name);
      collection.restoreIndex(spec);
      changes.push({ op: 'dropIndex', db, coll: name, name: index.name });
      changes.push({ op: 'createIndex', db, coll: name, spec });
    }
    return reply;
  });
};

const drop: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'drop', db);
  const collection = engine.catalog.get(db, name);
  // Since MongoDB 7.0 (whose wire version this server reports) dropping a missing collection succeeds.
  if (!collection) return { ok: 1 };
  return engine.write((changes) => {
    const nIndexesWas = collection.indexes.size;
    engine.catalog.drop(db, name, changes);
    engine.cursors.invalidate((ns) => ns === `${db}.${name}`, 'collection dropped');
    return { nIndexesWas, ns: `${db}.${name}`, ok: 1 };
  });
};

const dropDatabase: CommandHandler = (_command, { engine, db }) =>
  engine.write((changes) => {
    engine.catalog.dropDatabase(db, changes);
    engine.cursors.invalidate((ns) => ns.startsWith(`${db}.`), 'database dropped');
    return { dropped: db, ok: 1 };
  });

function describe(collection: Collection): Document {
  return {
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  };
}

const listCollections: CommandHandler = (command, { engine, db }) => {
  const filter = compileFilter(optionalDocument(command, 'filter') ?? {});
  const nameOnly = optionalBoolean(command, 'nameOnly') ?? false;
  const firstBatch = engine.catalog
    .collections(db)
    .map(describe)
    .filter((entry) => filter.test(entry))
    .map((entry) => (nameOnly ? { name: entry.name, type: entry.type } : entry));
  return { cursor: { id: Long.ZERO, ns: `${db}.$cmd.listCollections`, firstBatch }, ok: 1 };
};

function splitNamespace(value: unknown, field: string): [string, string] {
  if (typeof value !== 'string' || !value.includes('.')) {
    throw new CommandError('InvalidNamespace', `Invalid ${field} namespace: ${valueText(value)}`);
  }
  const dot = value.indexOf('.');
  const db = value.slice(0, dot);
  const name = value.slice(dot + 1);
  assertDatabaseName(db);
  assertCollectionName(db, name);
  return [db, name];
}

const renameCollection: CommandHandler = (command, { engine }) => {
  const [fromDb, fromName] = splitNamespace(command.renameCollection, 'source');
  const [toDb, toName] = splitNamespace(command.to, 'target');
  const dropTarget = optionalBoolean(command, 'dropTarget') ?? false;
  const source = engine.catalog.get(fromDb, fromName);
  if (!source) throw new CommandError('NamespaceNotFound', 'Source collection does not exist');
  if (fromDb === toDb && fromName === toName) {
    throw new CommandError('IllegalOperation', "Can't rename a collection to itself");
  }
  if (engine.catalog.get(toDb, toName) && !dropTarget) {
    throw new CommandError('NamespaceExists', 'target namespace exists');
  }
  return engine.write((changes) => {
    engine.catalog.drop(toDb, toName, changes);
    engine.catalog.rename(source, toDb, toName, changes);
    engine.cursors.invalidate(
      (ns) => ns === `${fromDb}.${fromName}` || ns === `${toDb}.${toName}`,
      'collection renamed',
    );
    return { ok: 1 };
  });
};

/** Sizes are the documents' BSON sizes (there is no separate on-disk format to report). */
export function collectionSizes(collection: Collection): {
  count: number;
  size: number;
  indexSize: number;
} {
  let size = 0;
  for (const doc of collection.docs.values()) size += BSON.calculateObjectSize(doc);
  const indexSize = [...collection.indexes.values()].reduce(
    (total, index) => total + index.tree.size * 32,
    0,
  );
  return { count: collection.docs.size, size, indexSize };
}

const collStats: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'collStats', db);
  const collection = engine.catalog.get(db, name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `Collection [${db}.${name}] not found.`);
  const { count, size, indexSize } = collectionSizes(collection);
  const indexSizes: Document = {};
  for (const index of collection.indexes.values()) indexSizes[index.name] = index.tree.size * 32;
  return {
    ns: `${db}.${name}`,
    count,
    size,
    avgObjSize: count ? Math.round(size / count) : 0,
    storageSize: size,
    nindexes: collection.indexes.size,
    totalIndexSize: indexSize,
    totalSize: size + indexSize,
    indexSizes,
    scaleFactor: 1,
    capped: false,
    ok: 1,
  };
};

const dbStats: CommandHandler = (_command, { engine, db }) => {
  const collections = engine.catalog.collections(db);
  let objects = 0;
  let dataSize = 0;
  let indexSize = 0;
  let indexes = 0;
  for (const collection of collections) {
    const sizes = collectionSizes(collection);
    objects += sizes.count;
    dataSize += sizes.size;
    indexSize += sizes.indexSize;
    indexes += collection.indexes.size;
  }
  return {
    db,
    collections: collections.length,
    views: 0,
    objects,
    avgObjSize: objects ? dataSize / objects : 0,
    dataSize,
    storageSize: dataSize,
    indexes,
    indexSize,
    totalSize: dataSize + indexSize,
    scaleFactor: 1,
    ok: 1,
  };
};

export const collectionCommands: Record<string, CommandHandler> = {
  create,
  collMod,
  drop,
  dropDatabase,
  listCollections,
  renameCollection,
  collStats,
  dbStats,
};
