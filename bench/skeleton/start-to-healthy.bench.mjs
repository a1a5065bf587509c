// Walking skeleton: how long `npm start` and `npm run serve` take on a warm
// install to a healthy /health, and how much memory the idle app holds.
//
//   node bench/skeleton/start-to-healthy.bench.mjs
//
// Runs in the checkout it lives in (dependencies installed, built once; the
// first, unmeasured `npm start` makes sure of that). Every run gets a free
// port on 127.0.0.1 and a fresh temporary DATA_DIR, is stopped with SIGINT to
// its process group (what Ctrl-C does) and must leave no process behind.
// Environment: BENCH_RUNS (default 5), BENCH_IDLE_MS (default 10000).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const idleMs = Number(process.env.BENCH_IDLE_MS ?? 10_000);
const healthyWithinMs = 180_000;

/** What is measured; `prepare` runs before each start. */
const scenarios = [
  { name: 'npm start, nothing changed (tsc -b no-op, Vite skipped)', script: 'start' },
  {
    name: 'npm start after a client file changed (tsc -b no-op, Vite build)',
    script: 'start',
    // Marks the client as changed without changing it, as an edit would.
    prepare: () => touch(join(root, 'client', 'index.html')),
  },
  { name: 'npm run serve (no install, no build)', script: 'serve' },
  { name: 'npm run serve, restart on seeded data', script: 'serve', reuseData: true },
];

function touch(path) {
  const now = new Date();
  utimesSync(path, now, now);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

// /proc/<pid>/stat counts CPU time in clock ticks; Linux reports 100 per second to user space.
const ticksPerSecond = 100;

/**
 * Every live process whose process group is `group`, with its command line and
 * the CPU seconds it and its waited-for children (tsc, vite, npx) have used.
 */
function processGroup(group) {
  const members = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command name: state ppid pgrp … utime stime cutime cstime
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      const cpuSeconds = (utime + stime + cutime + cstime) / ticksPerSecond;
      if (Number(fields[2]) === group) {
        members.push({ pid: Number(entry), cmd: commandLine(entry), cpuSeconds });
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

/** VmRSS of `pid` in MiB, from /proc/<pid>/status. */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024;
}

async function healthStatus(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.status;
  } catch {
    return 0;
  }
}

async function measure(scenario, dataDir) {
  scenario.prepare?.();
  const port = await freePort();
  const started = performance.now();
  const launcher = spawn('npm', ['run', scenario.script], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
  });
  let output = '';
  let bannerAt;
  const collect = (chunk) => {
    output += chunk;
    if (bannerAt === undefined && output.includes('Coproduce is running at')) {
      bannerAt = performance.now() - started;
    }
  };
  launcher.stdout.on('data', collect);
  launcher.stderr.on('data', collect);
  let exited = false;
  launcher.on('exit', () => (exited = true));

  try {
    let healthyAt;
    while (healthyAt === undefined) {
      if (exited) throw new Error(`npm run ${scenario.script} exited early:\n${output}`);
      if (performance.now() - started > healthyWithinMs) throw new Error('never healthy');
      if ((await healthStatus(port)) === 200) healthyAt = performance.now() - started;
      else await sleep(25);
    }
    const group = processGroup(launcher.pid);
    // Less at the mercy of other work on a shared machine than the wall-clock time.
    const cpuSeconds = group.reduce((total, member) => total + member.cpuSeconds, 0);
    // The node process running the app (not npm's `sh -c` wrapper around it).
    const server = group.find((p) =>
      /^\S*node (scripts\/(start|serve)\.mjs|server\/dist\/main\.js)/.test(p.cmd),
    );
    const store = group.find((p) => p.cmd.includes('embedded-mongo/dist/cli.js'));
    const npm = group.find((p) => p.pid === launcher.pid);
    if (!server || !store) throw new Error(`server or store not found in ${JSON.stringify(group)}`);
    const atHealthy = {
      server: rssMiB(server.pid),
      store: rssMiB(store.pid),
      npm: rssMiB(npm.pid),
    };
    await sleep(idleMs);
    const idle = { server: rssMiB(server.pid), store: rssMiB(store.pid), npm: rssMiB(npm.pid) };
    return {
      healthyMs: healthyAt,
      cpuSeconds,
      bannerMs: bannerAt,
      clientBuilt: output.includes('Building the web client'),
      atHealthy,
      idle,
      launcher,
    };
  } catch (error) {
    process.kill(-launcher.pid, 'SIGKILL');
    throw error;
  }
}

/** Ctrl-C: SIGINT to the whole group; returns how long until no process of it is left. */
async function stop(launcher) {
  const signalled = performance.now();
  process.kill(-launcher.pid, 'SIGINT');
  while (processGroup(launcher.pid).length > 0) {
    if (performance.now() - signalled > 20_000) {
      process.kill(-launcher.pid, 'SIGKILL');
      throw new Error('processes left 20 s after SIGINT');
    }
    await sleep(20);
  }
  return performance.now() - signalled;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 0) => Number(value.toFixed(digits));

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'coproduce-skeleton-bench-'));
  try {
    process.stderr.write('warm-up: npm start once, unmeasured\n');
    const warmUp = await measure({ script: 'start' }, join(scratch, 'warm-up'));
    await stop(warmUp.launcher);

    const report = [];
    for (const scenario of scenarios) {
      const samples = [];
      const seeded = join(scratch, `seeded-${report.length}`);
      if (scenario.reuseData) await stop((await measure(scenario, seeded)).launcher);
      for (let run = 0; run < runs; run++) {
        const dataDir = scenario.reuseData ? seeded : join(scratch, `data-${report.length}-${run}`);
        const sample = await measure(scenario, dataDir);
        sample.stopMs = await stop(sample.launcher);
        delete sample.launcher;
        samples.push(sample);
        process.stderr.write(`${scenario.name} #${run + 1}: ${round(sample.healthyMs)} ms\n`);
      }
      const of = (pick) => samples.map(pick);
      report.push({
        scenario: scenario.name,
        runs,
        clientBuiltIn: samples.filter((s) => s.clientBuilt).length,
        healthyMs: {
          median: round(median(of((s) => s.healthyMs))),
          all: of((s) => round(s.healthyMs)),
        },
        cpuSecondsToHealthy: round(median(of((s) => s.cpuSeconds)), 2),
        loadAverage: loadavg().map((load) => round(load, 1)),
        bannerMs: round(median(of((s) => s.bannerMs ?? NaN))),
        rssMiBAtHealthy: {
          server: round(median(of((s) => s.atHealthy.server)), 1),
          store: round(median(of((s) => s.atHealthy.store)), 1),
          npm: round(median(of((s) => s.atHealthy.npm)), 1),
        },
        rssMiBIdle: {
          afterMs: idleMs,
          server: round(median(of((s) => s.idle.server)), 1),
          store: round(median(of((s) => s.idle.store)), 1),
          npm: round(median(of((s) => s.idle.npm)), 1),
          serverRange: [
            round(Math.min(...of((s) => s.idle.server)), 1),
            round(Math.max(...of((s) => s.idle.server)), 1),
          ],
          storeRange: [
            round(Math.min(...of((s) => s.idle.store)), 1),
            round(Math.max(...of((s) => s.idle.store)), 1),
          ],
        },
        stopAfterSigintMs: round(median(of((s) => s.stopMs))),
      });
    }
    console.log(JSON.stringify({ node: process.version, idleMs, report }, null, 2));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
