import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { startEmbeddedMongo } from '../../src';

/**
 * The server a conformance suite talks to. The same test files run against a
 * real MongoDB (MONGODB_URI) and against the embedded store, so nothing in a
 * test may depend on which one it got — except through `isRealMongo`, which
 * only chooses how long to wait for background work such as the TTL monitor.
 */
export interface MongoTarget {
  readonly uri: string;
  /** A database of this test file's own, so files never see each other's data. */
  readonly dbName: string;
  readonly isRealMongo: boolean;
  /** Drops the database on a real server; stops the embedded server otherwise. */
  release(): Promise<void>;
}

export const realMongoUri: string | undefined = process.env.MONGODB_URI || undefined;

/** Database names are limited to 63 bytes and may not contain `.`, so keep the label short. */
function uniqueDbName(label: string): string {
  const safeLabel = label.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 32);
  return `conformance_${safeLabel}_${randomBytes(6).toString('hex')}`;
}

export async function acquireMongoTarget(label: string): Promise<MongoTarget> {
  const dbName = uniqueDbName(label);
  if (realMongoUri !== undefined) {
    const uri = realMongoUri;
    return {
      uri,
      dbName,
      isRealMongo: true,
      async release() {
        const client = await connectDriver(uri);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  }
  const server = await startEmbeddedMongo();
  return {
    uri: server.uri,
    dbName,
    isRealMongo: false,
    release: () => server.stop(),
  };
}

/**
 * Short server-selection timeout so a dead server fails a test in seconds,
 * not after the driver's default 30 s.
 */
export async function connectDriver(
  uri: string,
  options: MongoClientOptions = {},
): Promise<MongoClient> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, ...options });
  await client.connect();
  return client;
}

export async function connectMongoose(uri: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5_000 });
  return connection.asPromise();
}

/**
 * Jest wiring for a conformance file: one target, one driver client and one
 * mongoose connection shared by the file, opened in `beforeAll` and all
 * released in `afterAll`. Accessors throw if used outside a test.
 */
export interface ConformanceContext {
  readonly target: MongoTarget;
  readonly client: MongoClient;
  readonly db: Db;
  readonly mongoose: Connection;
}

export function useConformanceTarget(label: string): ConformanceContext {
  let target: MongoTarget | undefined;
  let client: MongoClient | undefined;
  let connection: Connection | undefined;

  beforeAll(async () => {
    target = await acquireMongoTarget(label);
    client = await connectDriver(target.uri);
    connection = await connectMongoose(target.uri, target.dbName);
  }, 30_000);

  afterAll(async () => {
    await connection?.close();
    await client?.close();
    await target?.release();
  }, 30_000);

  function ready<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  }

  return {
    get target() {
      return ready(target, 'the MongoDB target');
    },
    get client() {
      return ready(client, 'the driver client');
    },
    get db() {
      return ready(client, 'the driver client').db(ready(target, 'the MongoDB target').dbName);
    },
    get mongoose() {
      return ready(connection, 'the mongoose connection');
    },
  };
}

/** Server version as [major, minor], for the few behaviours that changed between releases. */
export async function serverVersion(db: Db): Promise<[number, number]> {
  const info = await db.admin().command({ buildInfo: 1 });
  const versionArray: unknown = info.versionArray;
  if (
    !Array.isArray(versionArray) ||
    typeof versionArray[0] !== 'number' ||
    typeof versionArray[1] !== 'number'
  ) {
    throw new Error(`buildInfo.versionArray is malformed: ${JSON.stringify(versionArray)}`);
  }
  return [versionArray[0], versionArray[1]];
}
