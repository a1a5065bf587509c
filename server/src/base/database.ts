import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Connection } from 'mongoose';
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
  await mkdir(dbpath, { recursive: true });
  const store = await launchEmbeddedMongo(
    { dbpath, host: '127.0.0.1' },
    {
      // Without its store the app can only answer 503; stop, so a supervisor (or the
      // person at the terminal) sees why and starts it again.
      onUnexpectedExit: (reason) => {
        logger.fatal(`The embedded store stopped unexpectedly (${reason}); Coproduce is stopping.`);
        process.exit(1);
      },
    },
  );
  logger.log(`Started the embedded store on port ${store.port} with data in ${dbpath}`);
  return { uri: store.uri, embedded: true, stop: () => store.stop() };
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
 * the embedded store stops, so no write is cut off half-way.
 */
@Module({
  imports: [
    DatabaseServerModule,
    MongooseModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DATABASE_SERVER],
      useFactory: (server: DatabaseServer) => ({
        uri: server.uri,
        // A URI without a database name would land in "test"; name ours.
        dbName: databaseNameIn(server.uri) ? undefined : 'coproduce',
        serverSelectionTimeoutMS: 10_000,
        autoIndex: true,
      }),
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
