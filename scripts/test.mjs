// `npm test`: install what is missing, then type-check, lint, format-check
// and run every test (unit, API end-to-end, browser).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, installDependencies, pnpm, root, run, step } from './toolchain.mjs';

installDependencies();
ensureChromium();
build();
step('Type-checking tests and benchmarks');
pnpm(['exec', 'tsc', '-p', 'tsconfig.tests.json']);
step('Type-checking the web client');
pnpm(['--filter', '@coproduce/client', 'exec', 'tsc', '--noEmit', '-p', '.']);
step('ESLint');
pnpm(['exec', 'eslint', '.', '--max-warnings', '0']);
step('Prettier');
pnpm(['exec', 'prettier', '--check', '.', '--log-level', 'warn']);
step('Jest: unit, API end-to-end and browser tests');
const resultsFile = join(root, 'node_modules', '.cache', 'jest-results.json');
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
// The suite takes minutes; a test that leaves something running would otherwise keep
// Jest, and a CI job, waiting for ever. Jest runs directly (not through npx) so the
// time limit stops Jest itself; its workers and the servers tests start exit with it.
const JEST_LIMIT_MINUTES = 40;
rmSync(resultsFile, { force: true });
const jest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--ci',
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', timeout: JEST_LIMIT_MINUTES * 60_000, killSignal: 'SIGKILL' },
);
if (jest.error?.code === 'ETIMEDOUT') {
  console.error(`\n✖ Jest did not finish within ${JEST_LIMIT_MINUTES} minutes and was stopped.`);
} else if (jest.error) {
  throw jest.error;
}
const status = jest.status ?? 1;
printSummary(resultsFile);
process.exit(status);

/** One plain closing line, whatever the runner printed above it. */
function printSummary(file) {
  if (!existsSync(file)) return;
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
  );
}

/** Browser tests drive Debian's Chromium; Playwright never downloads a browser. */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  step('Installing Chromium from Debian packages (for the browser tests)');
  if (process.getuid?.() !== 0) {
    console.error(
      'Chromium is missing and this is not root: run `sudo apt-get install -y chromium`.',
    );
    process.exit(1);
  }
  run('apt-get', ['update', '-q']);
  run(
    'apt-get',
    ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
    {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
}
