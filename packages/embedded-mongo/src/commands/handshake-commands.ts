import os from 'node:os';
import type { Document } from 'bson';
import { CommandError } from './command-error';
import { optionalBoolean, type CommandContext, type CommandHandler } from './command-context';
import { collectionSizes } from './collection-commands';

/** The MongoDB release whose wire version (21) this server speaks. */
const VERSION = '7.0.0';

/** A standalone server: no `setName`, no compression, no topologyVersion (so drivers poll instead of streaming). */
function helloReply({ connectionId }: CommandContext): Document {
  return {
    helloOk: true,
    isWritablePrimary: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

const hello: CommandHandler = (_command, context) => helloReply(context);

const isMaster: CommandHandler = (_command, context) => {
  const { isWritablePrimary, ...rest } = helloReply(context);
  return { ismaster: isWritablePrimary, ...rest };
};

const buildInfo: CommandHandler = () => ({
  version: VERSION,
  gitVersion: 'embedded-mongo',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: 16 * 1024 * 1024,
  storageEngines: ['embedded'],
  javascriptEngine: 'none',
  modules: [],
  ok: 1,
});

const serverStatus: CommandHandler = (_command, { engine }) => ({
  host: os.hostname(),
  version: VERSION,
  process: 'embedded-mongo',
  pid: process.pid,
  uptime: Math.floor((Date.now() - engine.startedAt) / 1000),
  uptimeMillis: Date.now() - engine.startedAt,
  localTime: new Date(),
  metrics: { cursor: { open: { total: engine.cursors.openCount } } },
  ok: 1,
});

const listDatabases: CommandHandler = (command, { engine }) => {
  const nameOnly = optionalBoolean(command, 'nameOnly') ?? false;
  const names = engine.catalog.databaseNames();
  if (nameOnly) return { databases: names.map((name) => ({ name })), ok: 1 };
  const databases = names.map((name) => {
    const sizeOnDisk = engine.catalog
      .collections(name)
      .reduce((total, collection) => total + collectionSizes(collection).size, 0);
    return { name, sizeOnDisk, empty: sizeOnDisk === 0 };
  });
  const totalSize = databases.reduce((total, db) => total + db.sizeOnDisk, 0);
  return { databases, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
};

const getParameter: CommandHandler = (command) => {
  const reply: Document = { ok: 1 };
  if (command.featureCompatibilityVersion !== undefined || command.getParameter === '*') {
    reply.featureCompatibilityVersion = { version: '7.0' };
  }
  return reply;
};

const ok: CommandHandler = () => ({ ok: 1 });

const transactionsUnsupported: CommandHandler = () => {
  throw new CommandError(
    'IllegalOperation',
    'Transaction numbers are only allowed on a replica set member or mongos',
  );
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster,
  ismaster: isMaster,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  listDatabases,
  getParameter,
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  refreshSessions: ok,
  connectionStatus: () => ({
    authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
    ok: 1,
  }),
  getCmdLineOpts: () => ({ argv: process.argv.slice(1), parsed: {}, ok: 1 }),
  whatsmyuri: ok,
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  commitTransaction: transactionsUnsupported,
  abortTransaction: transactionsUnsupported,
};
