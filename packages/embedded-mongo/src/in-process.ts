import { Engine, type EngineOptions } from './engine/engine';
import { WireServer } from './server';
import { createFileStorage } from './storage/file-storage';
import { MemoryStorage } from './storage/memory-storage';
import { createPrivateSocket, type PrivateSocket } from './transport/private-socket';

export interface EmbeddedMongoOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Data directory; absent means in-memory (for tests). */
  dbpath?: string;
  /**
   * Listen on a Unix domain socket in a directory only this user may open, and on no
   * TCP port: how the app runs its own store, so other users of the machine cannot
   * reach it. `port` and `host` are then ignored.
   */
  privateSocket?: boolean;
}

export interface RunningEmbeddedMongo {
  /** `mongodb://127.0.0.1:<port>`, or `mongodb://<socket path, percent-encoded>` */
  uri: string;
  stop(): Promise<void>;
}

/** The store listening on TCP. */
export interface TcpEmbeddedMongo extends RunningEmbeddedMongo {
  port: number;
}

/** Runs the server in this process (tests, the CLI). */
export async function startEmbeddedMongo(
  options: EmbeddedMongoOptions & { privateSocket: true },
  engineOptions?: EngineOptions & { onFatal?: (error: Error) => void },
): Promise<RunningEmbeddedMongo>;
export async function startEmbeddedMongo(
  options?: EmbeddedMongoOptions & { privateSocket?: false },
  engineOptions?: EngineOptions & { onFatal?: (error: Error) => void },
): Promise<TcpEmbeddedMongo>;
export async function startEmbeddedMongo(
  options: EmbeddedMongoOptions,
  engineOptions?: EngineOptions & { onFatal?: (error: Error) => void },
): Promise<RunningEmbeddedMongo>;
export async function startEmbeddedMongo(
  options: EmbeddedMongoOptions = {},
  engineOptions: EngineOptions & { onFatal?: (error: Error) => void } = {},
): Promise<RunningEmbeddedMongo | TcpEmbeddedMongo> {
  const storage = options.dbpath ? createFileStorage(options.dbpath) : new MemoryStorage();
  const engine = await Engine.open(storage, engineOptions);
  if (engineOptions.onFatal) engine.onFatal = engineOptions.onFatal;
  const server = new WireServer(engine);
  const host = options.host ?? '127.0.0.1';
  let socket: PrivateSocket | undefined;
  let port = 0;
  try {
    if (options.privateSocket) {
      socket = await createPrivateSocket();
      await server.listenOnSocket(socket.path);
    } else {
      port = await server.listen(options.port ?? 0, host);
    }
  } catch (error) {
    await socket?.remove();
    await engine.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server
      .close()
      .then(() => engine.close())
      .finally(() => socket?.remove());
    return stopping;
  };
  if (socket) return { uri: socket.uri, stop };
  return { uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`, port, stop };
}
