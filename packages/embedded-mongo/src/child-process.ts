import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedMongoOptions, RunningEmbeddedMongo } from './in-process';

/** The store running in a child process: its pid lets tests pause or kill it from outside. */
export interface EmbeddedMongoProcess extends RunningEmbeddedMongo {
  pid: number;
}

/** The child chooses between TCP and its private socket from `port` and `host`. */
export type LaunchOptions = Omit<EmbeddedMongoOptions, 'privateSocket'>;

/**
 * What the child is told to listen on. Without a port or host: a Unix domain socket
 * only this user may open (see createPrivateSocket), which is what the app runs.
 */
function listenArguments(options: LaunchOptions): string[] {
  if (options.port === undefined && options.host === undefined) return [];
  const args = ['--port', String(options.port ?? 0)];
  if (options.host) args.push('--host', options.host);
  return args;
}

const SEMI_SPACE_MIB = 2;

const LISTENING = /^embedded-mongo: listening on (mongodb:\/\/\S+)$/m;

/** Built entry point; from `src/` (ts-jest / swc) and from `dist/` this is the same file. */
const CLI_PATH = path.join(__dirname, '..', 'dist', 'cli.js');

/**
 * Runs the server in a child process, so database work never blocks the
 * caller's event loop. The child also exits if this process dies (its IPC
 * channel closes), so a crashed app never leaves the data directory locked.
 */
export function launchEmbeddedMongo(
  options: LaunchOptions = {},
  hooks: {
    /** The child went away without stop(): the caller has lost its database. */
    onUnexpectedExit?: (reason: string) => void;
  } = {},
): Promise<EmbeddedMongoProcess> {
  // The whole store lives in the heap: allow half the machine's memory (at least Node's usual 4 GiB).
  const heapMiB = Math.max(4096, Math.floor(os.totalmem() / 1048576 / 2));
  const args = [
    `--max-old-space-size=${heapMiB}`,
    // What the store allocates per command is dead before the next scavenge: a young
    // generation grown to V8's 2 × 16 MiB only holds garbage, resident (the app's
    // benchmark fan-out: 27 MiB less with 2 MiB, the store's CPU per edit unchanged).
    `--max-semi-space-size=${SEMI_SPACE_MIB}`,
    ...profileArguments(),
    CLI_PATH,
    ...listenArguments(options),
  ];
  if (options.dbpath) args.push('--dbpath', options.dbpath);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const stdout = child.stdout!;
  const stderrStream = child.stderr!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  stderrStream.setEncoding('utf8');
  stderrStream.on('data', (text: string) => {
    if (stderr.length < 64 * 1024) stderr += text;
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    stdout.setEncoding('utf8');
    const onStdout = (text: string) => {
      printed += text;
      const match = LISTENING.exec(printed);
      if (!match) return;
      stdout.off('data', onStdout);
      stdout.resume();
      child.off('exit', onEarlyExit);
      child.channel?.unref();
      let stopping = false;
      child.once('exit', (code, signal) => {
        if (stopping) return;
        const detail = stderr.trim();
        hooks.onUnexpectedExit?.(`${signal ?? `code ${code}`}${detail ? `: ${detail}` : ''}`);
      });
      const uri = match[1];
      resolve({
        uri,
        pid: child.pid!,
        stop: async () => {
          stopping = true;
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => {
      reject(
        new Error(
          `embedded-mongo exited before listening (${signal ?? `code ${code}`}): ${stderr.trim()}`,
        ),
      );
    };
    stdout.on('data', onStdout);
    child.once('exit', onEarlyExit);
    child.once('error', (error) => reject(error));
  });
}

/**
 * With EMBEDDED_MONGO_PROFILE_DIR set, the store writes a V8 CPU profile there when it
 * stops (benchmarks profile the store apart from the app that starts it).
 */
function profileArguments(): string[] {
  const directory = process.env.EMBEDDED_MONGO_PROFILE_DIR;
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}
