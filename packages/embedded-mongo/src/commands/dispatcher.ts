import type { Document } from 'bson';
import { MingoError } from 'mingo/util';
import type { Engine } from '../engine/engine';
import { assertDatabaseName } from '../engine/namespace';
import { mingoError } from '../engine/mingo-options';
import { CommandError } from './command-error';
import type { CommandHandler } from './command-context';
import { collectionCommands } from './collection-commands';
import { cursorCommands } from './cursor-commands';
import { explainCommands } from './explain-command';
import { handshakeCommands } from './handshake-commands';
import { indexCommands } from './index-commands';
import { readCommands } from './read-commands';
import { writeCommands } from './write-commands';

const COMMANDS = new Map<string, CommandHandler>(
  Object.entries({
    ...handshakeCommands,
    ...readCommands,
    ...writeCommands,
    ...cursorCommands,
    ...indexCommands,
    ...collectionCommands,
    ...explainCommands,
  }),
);

/** Turns anything a command throws into MongoDB's error shape; never lets it escape. */
export function errorReply(error: unknown): Document {
  if (error instanceof CommandError) return error.toReply();
  if (error instanceof MingoError) return mingoError(error).toReply();
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError('InternalError', message).toReply();
}

/**
 * Collations change how strings compare and which keys are equal; this store
 * compares binary only, so a command asking for another collation is refused
 * rather than answered differently from mongod.
 */
function assertSimpleCollation(body: Document): void {
  const collations = [body.collation];
  for (const list of [body.updates, body.deletes, body.indexes]) {
    if (Array.isArray(list)) {
      for (const item of list)
        if (item && typeof item === 'object') collations.push((item as Document).collation);
    }
  }
  for (const collation of collations) {
    if (collation === undefined || collation === null) continue;
    const locale = typeof collation === 'object' ? (collation as Document).locale : undefined;
    if (locale !== 'simple') {
      throw new CommandError(
        'NotImplemented',
        "embedded-mongo supports only the simple collation ({ locale: 'simple' })",
      );
    }
  }
}

/**
 * Runs one command document and always resolves with its reply.
 * `defaultDb` is given for legacy OP_QUERY commands, which name their database
 * in the message instead of a `$db` field (required in OP_MSG).
 */
export async function runCommand(
  engine: Engine,
  body: Document,
  connectionId: number,
  defaultDb?: string,
): Promise<Document> {
  try {
    const name = Object.keys(body)[0] ?? '';
    const handler = COMMANDS.get(name);
    if (!handler) {
      throw new CommandError('CommandNotFound', `no such command: '${name}'`);
    }
    if (
      body.startTransaction !== undefined ||
      body.txnNumber !== undefined ||
      body.autocommit !== undefined
    ) {
      throw new CommandError(
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    if (defaultDb === undefined && body.$db === undefined) {
      throw new CommandError('Location40571', 'OP_MSG requests require a $db argument');
    }
    const db = body.$db ?? defaultDb;
    assertDatabaseName(db);
    assertSimpleCollation(body);
    engine.assertHealthy();
    return await handler(body, { engine, db, connectionId });
  } catch (error) {
    return errorReply(error);
  }
}
