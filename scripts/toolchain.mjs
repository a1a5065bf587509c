// The one place that knows how to run pnpm and other commands for the
// root scripts. pnpm comes through a pinned npx because corepack cannot
// verify pnpm's registry signature on every machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.split('@')[1];

requireSupportedNode(manifest.engines.node);

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

/**
 * Builds the TypeScript projects incrementally, and the web client unless
 * `skipFreshClient` is set and none of its inputs changed since its last
 * build (a Vite build takes seconds and would produce the same files).
 */
export function build({ skipFreshClient = false } = {}) {
  step('Building packages and server (TypeScript, strict)');
  forgetBuildsWithoutOutput();
  pnpm(['exec', 'tsc', '-b']);
  if (skipFreshClient && clientIsUpToDate()) {
    step('The web client is up to date (client/dist)');
    return;
  }
  step('Building the web client (Vite)');
  pnpm(['--filter', '@coproduce/client', 'run', 'build']);
}

/**
 * `tsc -b` trusts a project's tsbuildinfo and emits nothing when its sources
 * are older, even if dist/ was deleted since; drop such stale records so a
 * deleted dist/ is rebuilt instead of leaving `Cannot find module` behind.
 */
function forgetBuildsWithoutOutput() {
  const { references } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
  for (const { path } of references) {
    const buildInfo = join(root, path, 'tsconfig.tsbuildinfo');
    if (existsSync(buildInfo) && !existsSync(join(root, path, 'dist'))) rmSync(buildInfo);
  }
}

/** What `vite build` reads: the client's own files, the packages' sources and the lockfile. */
const clientInputs = [
  join(root, 'client'),
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'src')),
  join(root, 'pnpm-lock.yaml'),
];
const notClientInputs = new Set(['node_modules', 'dist']);

function clientIsUpToDate() {
  const page = join(root, 'client', 'dist', 'index.html');
  if (!existsSync(page)) return false;
  const builtAt = statSync(page).mtimeMs;
  return clientInputs.every((input) => !changedSince(input, builtAt));
}

function changedSince(path, time) {
  if (!existsSync(path)) return false;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs > time;
  return readdirSync(path).some(
    (name) => !notClientInputs.has(name) && changedSince(join(path, name), time),
  );
}

/** `engines` is only advice to npm; say plainly what is needed before anything odd fails. */
function requireSupportedNode(range) {
  const [wantMajor, wantMinor] = range
    .replace(/^>=\s*/, '')
    .split('.')
    .map(Number);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return;
  console.error(`Coproduce needs Node.js ${range}; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}
