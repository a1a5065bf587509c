import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
// The launcher alone: the package's index also loads the in-process store (+5 MB resident).
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo/launch';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from './config';

/** Where the database is: a real MongoDB from MONGODB_URI, or the embedded store we started. */
export interface DatabaseServer {
  uri: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const DATABASE_SERVER = Symbol('DatabaseServer');

async function locateDatabase(config: ConfigService<AppConfig, true>): Promise<DatabaseServer> {
  const logger = new Logger('Database');
  const uri = config.get('MONGODB_URI', { infer: true });
  if (uri) {
    logger.log('Using the MongoDB given in MONGODB_URI');
    return { uri, embedded: false, stop: async () => undefined };
  }
  const dbpath = resolve(config.get('DATA_DIR', { infer: true }));
  const store = await startEmbeddedStore(dbpath, logger).catch((error: unknown) =>
    stopBecauseTheStoreDidNotStart(dbpath, error),
  );
  logger.log(`Started the embedded store on ${store.uri} with data in ${dbpath}`);
  return { uri: store.uri, embedded: true, stop: () => store.stop() };
}

async function startEmbeddedStore(dbpath: string, logger: Logger) {
  await mkdir(dbpath, { recursive: true, mode: 0o700 });
  // No port or host: the store listens on a Unix domain socket only this user may open,
  // so another user of the machine cannot read the accounts or write a session.
  return launchEmbeddedMongo(
    { dbpath },
    {
      // Without its store the app can only answer 503; stop, so a supervisor (or the
      // person at the terminal) sees why and starts it again.
      onUnexpectedExit: (reason) => {
        logger.fatal(`The embedded store stopped unexpectedly (${reason}); Coproduce is stopping.`);
        process.exit(1);
      },
    },
  );
}

/**
 * The usual causes (another Coproduce on the same DATA_DIR, a DATA_DIR it may not create
 * or write, a damaged journal) are the operator's to fix, and Nest would bury the reason
 * under its start-up log and a stack trace; so say it in one line and stop here.
 */
function stopBecauseTheStoreDidNotStart(dbpath: string, error: unknown): never {
  const reason = embeddedStoreFailureReason(error);
  const where = reason.includes(dbpath) ? '' : ` (DATA_DIR ${dbpath})`;
  process.stderr.write(`Coproduce could not start its embedded store: ${reason}${where}\n`);
  process.exit(1);
}

/** The store's own reason, its first line, without the launcher's wrapping around it. */
function embeddedStoreFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/^embedded-mongo exited before listening \([^)]*\):\s*/, '')
    .split('\n')
    .map((line) => line.replace(/^embedded-mongo:\s*/, '').trim())
    .find((line) => line.length > 0);
  return reason ?? 'it stopped without saying why';
}

function databaseNameIn(uri: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : undefined;
}

@Module({
  providers: [{ provide: DATABASE_SERVER, useFactory: locateDatabase, inject: [ConfigService] }],
  exports: [DATABASE_SERVER],
})
class DatabaseServerModule {}

/**
 * The connection every model uses. On shutdown the connection closes before
 * the embedded store stops, so no write is cut off half-way. Global, because Nest runs
 * global modules' shutdown hooks after every other module's: imported by the root alone,
 * this one stopped before modules further down the import tree, whose own hooks still
 * write (the edit notices gathered in the last moment found the connection closed).
 */
@Global()
@Module({
  imports: [
    DatabaseServerModule,
    MongooseModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DATABASE_SERVER],
      useFactory: (server: DatabaseServer) => {
        // Mongoose formats a stack trace on every query, only to name where a query run
        // twice was first run: 2 % of the app's time in a storm of joins (issue 17's profile).
        mongoose.set('skipOriginalStackTraces', true);
        return {
          uri: server.uri,
          // A URI without a database name would land in "test"; name ours.
          dbName: databaseNameIn(server.uri) ? undefined : 'coproduce',
          serverSelectionTimeoutMS: 10_000,
          autoIndex: true,
        };
      },
    }),
  ],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_SERVER) private readonly server: DatabaseServer,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.server.stop();
  }
}
