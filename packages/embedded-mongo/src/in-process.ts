import { Engine, type EngineOptions } from './engine/engine';
import { WireServer } from './server';
import { createFileStorage } from './storage/file-storage';
import { MemoryStorage } from './storage/memory-storage';

export interface EmbeddedMongoOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Data directory; absent means in-memory (for tests). */
  dbpath?: string;
}

export interface RunningEmbeddedMongo {
  /** `mongodb://127.0.0.1:<port>` */
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/** Runs the server in this process (tests, the CLI). */
export async function startEmbeddedMongo(
  options: EmbeddedMongoOptions = {},
  engineOptions: EngineOptions & { onFatal?: (error: Error) => void } = {},
): Promise<RunningEmbeddedMongo> {
  const storage = options.dbpath ? createFileStorage(options.dbpath) : new MemoryStorage();
  const engine = await Engine.open(storage, engineOptions);
  if (engineOptions.onFatal) engine.onFatal = engineOptions.onFatal;
  const server = new WireServer(engine);
  const host = options.host ?? '127.0.0.1';
  let port: number;
  try {
    port = await server.listen(options.port ?? 0, host);
  } catch (error) {
    await engine.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stop: () => {
      stopping ??= server.close().then(() => engine.close());
      return stopping;
    },
  };
}
