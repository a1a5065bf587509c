// The one place that knows how to run pnpm and other commands for the
// root scripts. pnpm comes through a pinned npx because corepack cannot
// verify pnpm's registry signature on every machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const pnpmVersion = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];

export function step(title) {
  console.log(`\n▶ ${title}`);
}

/** Runs a command; stops this script when it fails unless `allowFailure` is set. */
export function run(command, args, { allowFailure = false, ...options } = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    const why = result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    console.error(`\n✖ ${command} ${args.join(' ')} failed (${why})`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

export function pnpm(args, options) {
  return run('npx', ['-y', `pnpm@${pnpmVersion}`, ...args], options);
}

/** Installs workspace dependencies unless node_modules is newer than the lockfile. */
export function installDependencies() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lockfile = join(root, 'pnpm-lock.yaml');
  if (
    existsSync(marker) &&
    existsSync(lockfile) &&
    statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs
  ) {
    return;
  }
  step('Installing dependencies');
  pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
}

export function build() {
  step('Building packages and server (TypeScript, strict)');
  pnpm(['exec', 'tsc', '-b']);
  step('Building the web client (Vite)');
  pnpm(['--filter', '@coproduce/client', 'run', 'build']);
}
