import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const cliPath = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const sourceDirectory = path.join(__dirname, '..', '..', 'src');
const distDirectory = path.dirname(cliPath);
const LISTENING = /^embedded-mongo: listening on (mongodb:\/\/\S+)$/m;

function newestChange(directory: string, counts: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full, counts));
    else if (counts(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * These tests run the built CLI; a dist older than src would test yesterday's
 * server, so refuse to run rather than report misleading results.
 */
export function assertCliIsBuilt(): void {
  const rebuild = 'build it with `npx -y pnpm@10.34.9 exec tsc -b packages/embedded-mongo`';
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: ${rebuild}`);
  // tsc -b rewrites only the outputs of changed files, so compare newest with newest.
  const newestBuilt = newestChange(distDirectory, (name) => name.endsWith('.js'));
  const newestSource = newestChange(
    sourceDirectory,
    (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'),
  );
  if (newestBuilt + 1000 < newestSource) {
    throw new Error(`${cliPath} is older than packages/embedded-mongo/src: ${rebuild}`);
  }
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Servers this test file started that have not exited yet. */
const running = new Set<CliServer>();

// A test that fails between start() and kill() leaves its server running, and a running
// child keeps Jest from exiting (it runs without --forceExit): kill what is left over.
afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill('SIGKILL')));
});

/** `embedded-mongo --port 0 --dbpath <dir>` as a child process, as an operator would run it. */
export class CliServer {
  private constructor(
    readonly child: ChildProcess,
    readonly uri: string,
    private readonly exited: Promise<ExitStatus>,
  ) {}

  static start(dbpath: string, timeoutMs = 20_000): Promise<CliServer> {
    const child = spawn(process.execPath, [cliPath, '--port', '0', '--dbpath', dbpath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = watchExit(child);
    return new Promise((resolve, reject) => {
      let printed = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`embedded-mongo did not print its address within ${timeoutMs} ms`));
      }, timeoutMs);
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (text: string) => {
        printed += text;
        const match = LISTENING.exec(printed);
        if (match === null) return;
        clearTimeout(timer);
        const server = new CliServer(child, match[1], exited);
        running.add(server);
        void exited.then(() => running.delete(server));
        resolve(server);
      });
      void exited.then((status) => {
        clearTimeout(timer);
        reject(
          new Error(
            `embedded-mongo exited before listening (${status.signal ?? `code ${status.code}`}): ${status.stderr.trim()}`,
          ),
        );
      });
    });
  }

  /** Runs the CLI on `dbpath` expecting it to refuse to start; resolves with how it exited. */
  static expectRefusal(
    dbpath: string,
    timeoutMs = 20_000,
  ): Promise<ExitStatus & { stdout: string }> {
    return CliServer.runToExit(['--port', '0', '--dbpath', dbpath], timeoutMs);
  }

  /** Runs the CLI with these arguments until it exits (killed after `timeoutMs`). */
  static runToExit(args: string[], timeoutMs = 20_000): Promise<ExitStatus & { stdout: string }> {
    const child = spawn(process.execPath, [cliPath, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => (stdout += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    return watchExit(child).then((status) => {
      clearTimeout(timer);
      return { ...status, stdout };
    });
  }

  kill(signal: NodeJS.Signals): Promise<ExitStatus> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

function watchExit(child: ChildProcess): Promise<ExitStatus> {
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    if (stderr.length < 64 * 1024) stderr += text;
  });
  // 'close' rather than 'exit': it comes after the last stderr chunk.
  return new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}
