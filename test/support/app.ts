// Starts the built server (`node server/dist/main.js`) as a child process on a
// port the system chooses, with a throwaway data directory, and waits until
// /health answers 200. Build first: `npx -y pnpm@10.34.9 exec tsc -b server`.
import { launchEmbeddedMongo, type EmbeddedMongoProcess } from '@coproduce/embedded-mongo';
import { MongoClient, type Db } from 'mongodb';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningApp {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Set when started with `ownDatabase`: lets a test reach into the store (e.g. to age a record). */
  databaseUri?: string;
  /** With `ownDatabase`: the store's process, to pause it (SIGSTOP) under the running server. */
  databasePid?: number;
  /** With `ownDatabase`: stops the database under the running server (to see how it copes). */
  stopDatabase(): Promise<void>;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** The server's process id. */
  pid: number;
  /** Sends a signal to the server process (to see how it stops). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the server process has exited, with how. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for the server; PORT, DATA_DIR and MONGODB_URI are the fixture's. */
  env?: Record<string, string>;
  /**
   * Start the embedded store in the test process and hand the server its URI
   * through MONGODB_URI, so the test can open the same database.
   */
  ownDatabase?: boolean;
  /** Use (and keep) this data directory instead of a throwaway one, e.g. to restart on the same data. */
  dataDir?: string;
  /**
   * Send the server's output into a pipe that this test holds open and never reads, as a
   * parent that stopped reading would: it fills after a few dozen kilobytes. `output()`
   * is then empty.
   */
  unreadOutput?: boolean;
}

const SERVER_MAIN = join(__dirname, '..', '..', 'server', 'dist', 'main.js');
// Generous: on a loaded two-core machine the store and Nest can take tens of seconds to start.
const STARTUP_LIMIT_MS = 90_000;
const OUTPUT_KEPT = 64 * 1024;

/**
 * Ends the starts still under way when this test file ends: Jest gave up on them (a
 * beforeAll timed out on a loaded machine) but they carry on, and a server started after
 * the file's own clean-up would keep the test process alive for ever (Jest runs without
 * --forceExit). Started servers are the file's to stop, in its own afterAll.
 */
const fileEnded = new AbortController();
const startsUnderWay = new Set<Promise<unknown>>();
afterAll(async () => {
  fileEnded.abort(new Error('The test file ended before its app was healthy'));
  await Promise.allSettled(startsUnderWay);
});

export function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const starting = launchApp(options);
  startsUnderWay.add(starting);
  const settled = () => startsUnderWay.delete(starting);
  starting.then(settled, settled);
  return starting;
}

async function launchApp(options: StartOptions): Promise<RunningApp> {
  const workDir = mkdtempSync(join(tmpdir(), 'coproduce-api-'));
  let database: EmbeddedMongoProcess | undefined;
  let child: ChildProcess | undefined;
  let output = '';
  let unreadPipe: UnreadPipe | undefined;
  const stop = async () => {
    if (child) await stopProcess(child);
    await database?.stop();
    unreadPipe?.close();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    if (options.ownDatabase) {
      database = await launchEmbeddedMongo({ dbpath: join(workDir, 'own-db') });
    }
    fileEnded.signal.throwIfAborted();
    const inherited = { ...process.env };
    delete inherited['MONGODB_URI'];
    unreadPipe = options.unreadOutput ? openUnreadPipe(workDir) : undefined;
    const port = unreadPipe ? await freePort() : 0;
    child = spawn(process.execPath, [SERVER_MAIN], {
      env: {
        ...inherited,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        ...options.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir ?? join(workDir, 'data'),
        ...(database ? { MONGODB_URI: database.uri } : {}),
      },
      // The IPC channel lets the server notice if this test process dies and stop with it.
      stdio: unreadPipe
        ? ['ignore', unreadPipe.writeEnd, unreadPipe.writeEnd, 'ipc']
        : ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    unreadPipe?.closeWriteEnd();
    // Keep draining both pipes for the whole run, or a chatty server would block on a full pipe.
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);

    const url = await waitUntilHealthy(child, () =>
      port ? `running at http://localhost:${port}` : output,
    );
    const running = child;
    return {
      url,
      databaseUri: database?.uri,
      databasePid: database?.pid,
      stopDatabase: async () => {
        if (!database) throw new Error('stopDatabase needs startApp({ ownDatabase: true })');
        await database.stop();
      },
      output: () => output,
      pid: running.pid!,
      signal: (signal) => running.kill(signal),
      exited: () =>
        running.exitCode !== null || running.signalCode !== null
          ? Promise.resolve({ code: running.exitCode, signal: running.signalCode })
          : new Promise((resolve) =>
              running.once('exit', (code, signal) => resolve({ code, signal })),
            ),
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

async function waitUntilHealthy(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  const { signal } = fileEnded;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
    }
    const port = /running at http:\/\/localhost:(\d+)/.exec(output())?.[1];
    if (port) {
      const url = `http://127.0.0.1:${port}`;
      const response = await fetch(`${url}/health`, { signal }).catch(() => undefined);
      if (response?.ok) return url;
    }
    signal.throwIfAborted();
    await sleep(150, undefined, { signal });
  }
  throw new Error(`The server was not healthy within ${STARTUP_LIMIT_MS / 1000} seconds`);
}

interface UnreadPipe {
  writeEnd: number;
  closeWriteEnd(): void;
  close(): void;
}

/** A named pipe whose reading end this process holds open and never reads. */
function openUnreadPipe(workDir: string): UnreadPipe {
  const path = join(workDir, 'output');
  execFileSync('mkfifo', [path]);
  const readEnd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeEnd = openSync(path, constants.O_WRONLY);
  let writeEndOpen = true;
  const closeWriteEnd = () => {
    if (writeEndOpen) closeSync(writeEnd);
    writeEndOpen = false;
  };
  return {
    writeEnd,
    closeWriteEnd,
    close: () => {
      closeWriteEnd();
      closeSync(readEnd);
    },
  };
}

/** A loopback port free a moment ago, for a server whose output cannot be read for it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A running app's database (it needs `ownDatabase`), through the official driver. */
export interface OpenDatabase {
  db: Db;
  close(): Promise<void>;
}

/** Opens the database a `startApp({ ownDatabase: true })` server uses, to age or inspect records. */
export async function openDatabase(app: RunningApp): Promise<OpenDatabase> {
  if (!app.databaseUri) throw new Error('openDatabase needs startApp({ ownDatabase: true })');
  const client = await MongoClient.connect(app.databaseUri);
  // The server names its database "coproduce" when the URI names none.
  const name = new URL(app.databaseUri).pathname.slice(1) || 'coproduce';
  return { db: client.db(name), close: () => client.close() };
}
