import { startEmbeddedMongo, type RunningEmbeddedMongo } from '@coproduce/embedded-mongo';
import { createConnection, type Connection } from 'mongoose';

/**
 * An embedded store and a mongoose connection to it for the enclosing `describe`, opened
 * before its own `beforeAll` hooks (call this first) and closed after its tests. Returns
 * the connection, for use once those hooks run.
 */
export function embeddedDatabase(): () => Connection {
  let database: RunningEmbeddedMongo | undefined;
  let connection: Connection | undefined;
  beforeAll(async () => {
    database = await startEmbeddedMongo();
    connection = await createConnection(database.uri, { dbName: 'coproduce' }).asPromise();
  });
  afterAll(async () => {
    await connection?.close();
    await database?.stop();
  });
  return () => {
    if (!connection) throw new Error('the embedded database is opened in beforeAll');
    return connection;
  };
}
