// Runs the built server with a throwaway data directory until it exits by itself, for
// tests of how it refuses to start. Build first: `npx -y pnpm@10.34.9 exec tsc -b server`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_MAIN = join(__dirname, '..', '..', 'server', 'dist', 'main.js');

export interface ServerExit {
  code: number | null;
  /** stdout and stderr together. */
  output: string;
}

/** Killed after `limitMs`, so a server that starts after all ends the test with code null. */
export function runServerUntilExit(
  env: Record<string, string>,
  limitMs = 60_000,
): Promise<ServerExit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coproduce-refused-'));
  const inherited = { ...process.env };
  delete inherited['MONGODB_URI'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: { ...inherited, PORT: '0', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}
