import type { Document } from 'bson';
import type { JournalEntry } from '../storage/journal-entry';
import { CommandError } from './command-error';
import {
  optionalArray,
  optionalBoolean,
  optionalDocument,
  targetCollection,
  type CommandContext,
  type CommandHandler,
} from './command-context';
import { runStatements } from './write-errors';
import type { Collection } from '../engine/collection';
import { findDocuments } from '../engine/find-documents';
import {
  insertDocument,
  removeDocument,
  replaceDocument,
  withIdFirst,
  type WriteOptions,
} from '../engine/document-writes';
import {
  applyUpdate,
  isOperatorUpdate,
  upsertSeed,
  validateUpdate,
  type UpdateSpec,
} from '../engine/update-document';
import { compileProjection } from '../engine/projection';
import { idKey } from '../engine/bson-order';
import { valueText } from '../engine/value-text';

const MAX_WRITE_BATCH = 100_000;

function statementsOf(command: Document, field: string): unknown[] {
  const statements = optionalArray(command, field);
  if (!statements)
    throw new CommandError(
      'FailedToParse',
      `BSON field '${command[Object.keys(command)[0]]}.${field}' is missing but a required field`,
    );
  if (statements.length === 0 || statements.length > MAX_WRITE_BATCH) {
    throw new CommandError(
      'InvalidLength',
      `Write batch sizes must be between 1 and ${MAX_WRITE_BATCH}. Got ${statements.length} operations.`,
    );
  }
  return statements;
}

function asDocument(value: unknown, what: string): Document {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CommandError('TypeMismatch', `${what} must be an object`);
  }
  return value as Document;
}

function bypassOf(command: Document): WriteOptions {
  return { bypassValidation: optionalBoolean(command, 'bypassDocumentValidation') ?? false };
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}

const insert: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'insert', db);
  const documents = statementsOf(command, 'documents');
  const ordered = optionalBoolean(command, 'ordered') ?? true;
  return engine.write((changes) => {
    const collection = engine.catalog.obtain(db, name, changes);
    let n = 0;
    const writeOptions = bypassOf(command);
    const writeErrors = runStatements(documents, ordered, (raw) => {
      const doc = withIdFirst(asDocument(raw, 'document to insert'));
      insertDocument(collection, doc, changes, writeOptions);
      n++;
    });
    return withErrors({ n }, writeErrors);
  });
};

interface UpdateResult {
  matched: number;
  modified: number;
  upserted?: unknown;
  /** The document before (for findAndModify) and after the update. */
  before?: Document;
  after?: Document;
}

/** One update statement: match, apply and store; or insert the upsert document. */
function updateMatching(
  context: CommandContext,
  name: string,
  filter: Document,
  update: UpdateSpec,
  options: {
    multi: boolean;
    upsert: boolean;
    arrayFilters?: Document[];
    sort?: unknown;
    write: WriteOptions;
  },
  changes: JournalEntry[],
): UpdateResult {
  const { engine, db } = context;
  if (options.multi && !isOperatorUpdate(update) && !Array.isArray(update)) {
    throw new CommandError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  }
  const existing = engine.catalog.get(db, name);
  const { results } = findDocuments(existing, {
    filter,
    sort: options.sort,
    limit: options.multi ? 0 : 1,
  });
  const matched = [...{ [Symbol.iterator]: () => results }];
  const result: UpdateResult = { matched: matched.length, modified: 0 };
  for (const doc of matched) {
    const outcome = applyUpdate(doc, update, { filter, arrayFilters: options.arrayFilters });
    if (outcome.modified) {
      replaceDocument(existing as Collection, outcome.doc, changes, options.write);
      result.modified++;
    }
    result.before = doc;
    result.after = outcome.doc;
  }
  if (matched.length === 0 && options.upsert) {
    const outcome = applyUpdate(upsertSeed(filter), update, {
      filter,
      arrayFilters: options.arrayFilters,
      inserting: true,
    });
    const collection = engine.catalog.obtain(db, name, changes);
    insertDocument(collection, outcome.doc, changes, options.write);
    result.upserted = outcome.doc._id;
    result.after = outcome.doc;
  }
  return result;
}

function parseArrayFilters(statement: Document): Document[] | undefined {
  const filters = optionalArray(statement, 'arrayFilters');
  return filters?.map((filter) => asDocument(filter, 'arrayFilters element'));
}

const update: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'update', context.db);
  const statements = statementsOf(command, 'updates');
  const ordered = optionalBoolean(command, 'ordered') ?? true;
  return context.engine.write((changes) => {
    let n = 0;
    let nModified = 0;
    const upserted: Document[] = [];
    const writeErrors = runStatements(statements, ordered, (raw, index) => {
      const statement = asDocument(raw, 'update statement');
      const filter = asDocument(statement.q ?? {}, 'q');
      const spec = statement.u;
      validateUpdate(spec);
      const result = updateMatching(
        context,
        name,
        filter,
        spec,
        {
          multi: optionalBoolean(statement, 'multi') ?? false,
          upsert: optionalBoolean(statement, 'upsert') ?? false,
          arrayFilters: parseArrayFilters(statement),
          sort: statement.sort,
          write: bypassOf(command),
        },
        changes,
      );
      n += result.matched;
      nModified += result.modified;
      if (result.upserted !== undefined) {
        n++;
        upserted.push({ index, _id: result.upserted });
      }
    });
    return withErrors({ n, nModified, ...(upserted.length ? { upserted } : {}) }, writeErrors);
  });
};

const deleteCommand: CommandHandler = (command, { engine, db }) => {
  const name = targetCollection(command, 'delete', db);
  const statements = statementsOf(command, 'deletes');
  const ordered = optionalBoolean(command, 'ordered') ?? true;
  return engine.write((changes) => {
    let n = 0;
    const collection = engine.catalog.get(db, name);
    const writeErrors = runStatements(statements, ordered, (raw) => {
      const statement = asDocument(raw, 'delete statement');
      const filter = asDocument(statement.q ?? {}, 'q');
      const limit = Number(statement.limit ?? 0);
      if (limit !== 0 && limit !== 1) {
        throw new CommandError(
          'FailedToParse',
          `The limit field in delete objects must be 0 or 1. Got ${valueText(statement.limit)}`,
        );
      }
      const { results } = findDocuments(collection, { filter, limit });
      const matched = [...{ [Symbol.iterator]: () => results }];
      for (const doc of matched) {
        if (collection && removeDocument(collection, idKey(doc._id), changes)) n++;
      }
    });
    return withErrors({ n }, writeErrors);
  });
};

const findAndModify: CommandHandler = (command, context) => {
  const { engine, db } = context;
  const name = targetCollection(command, Object.keys(command)[0], db);
  const filter = optionalDocument(command, 'query') ?? {};
  const remove = optionalBoolean(command, 'remove') ?? false;
  const spec = command.update;
  const returnNew = optionalBoolean(command, 'new') ?? false;
  const upsert = optionalBoolean(command, 'upsert') ?? false;
  const project = compileProjection(optionalDocument(command, 'fields'), filter);
  const shown = (doc: Document | undefined) => (doc ? (project ? project(doc) : doc) : null);
  if (remove && spec !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!remove && spec === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  if (remove && (returnNew || upsert)) {
    throw new CommandError(
      'FailedToParse',
      'Cannot specify both new=true/upsert=true and remove=true',
    );
  }
  return engine.write((changes) => {
    if (remove) {
      const collection = engine.catalog.get(db, name);
      const { results } = findDocuments(collection, { filter, sort: command.sort, limit: 1 });
      const found = results.next();
      if (found.done || !collection) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
      removeDocument(collection, idKey(found.value._id), changes);
      return { lastErrorObject: { n: 1 }, value: shown(found.value), ok: 1 };
    }
    validateUpdate(spec);
    const result = updateMatching(
      context,
      name,
      filter,
      spec,
      {
        multi: false,
        upsert,
        arrayFilters: parseArrayFilters(command),
        sort: command.sort,
        write: bypassOf(command),
      },
      changes,
    );
    const lastErrorObject: Document = {
      n: result.matched + (result.upserted !== undefined ? 1 : 0),
      updatedExisting: result.matched > 0,
      ...(result.upserted !== undefined ? { upserted: result.upserted } : {}),
    };
    return { lastErrorObject, value: shown(returnNew ? result.after : result.before), ok: 1 };
  });
};

export const writeCommands: Record<string, CommandHandler> = {
  insert,
  update,
  delete: deleteCommand,
  findAndModify,
  findandmodify: findAndModify,
};
