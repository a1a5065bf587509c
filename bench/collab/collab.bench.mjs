// Live co-editing benchmark (issue 6, "Performance"): Coproduce's /collab gateway and
// @hocuspocus/server on the same workloads in the same run, reported as ratios.
//
//   npx -y pnpm@10.34.9 exec tsc -b server      # the benchmark starts the built server
//   node bench/collab/collab.bench.mjs > result.json
//
// Both servers run in child processes on 127.0.0.1; the clients run in this process, so
// on a 2-core machine the clients take roughly one core and the server the other (the
// CPU each side used is reported with every rate), except in the `*-processes` phases,
// whose raw y-protocols clients run in forked worker processes (process-fleet.mjs). Every phase is bounded in count and
// time, the whole run by BENCH_LIMIT_MINUTES; temporary data is removed at the end.
import { loadavg, cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { round } from '../embedded-mongo/latency-stats.mjs';
import { connectStorm } from './connect-storm.mjs';
import { startCoproduce } from './coproduce-target.mjs';
import { closeFleet, openFleet, poolRounds, runAtRate } from './fan-out.mjs';
import { startHocuspocus } from './hocuspocus-target.mjs';
import { FLOOR_NAME, startSocketIoFloor } from './socket-io-floor-target.mjs';
import { largeDocument } from './large-document.mjs';
import { memoryPerDocument } from './memory-per-document.mjs';
import { fanOutProcesses, peakMemoryOf, stormProcesses } from './process-fleet.mjs';
import { findSustainedRate } from './sustained-rate.mjs';

const settings = {
  documents: numberFrom('BENCH_DOCUMENTS', 20),
  clientsPerDocument: numberFrom('BENCH_CLIENTS_PER_DOCUMENT', 10),
  baseRate: numberFrom('BENCH_BASE_RATE', 2),
  baseSeconds: numberFrom('BENCH_BASE_SECONDS', 10),
  baseRounds: numberFrom('BENCH_BASE_ROUNDS', 3),
  stepSeconds: numberFrom('BENCH_STEP_SECONDS', 8),
  stepRates: (process.env.BENCH_STEP_RATES ?? '2,4,8,16,32,64').split(',').map(Number),
  refinements: numberFrom('BENCH_REFINEMENTS', 2),
  p99LimitMs: 100,
  stormClients: numberFrom('BENCH_STORM_CLIENTS', 500),
  stormDocuments: numberFrom('BENCH_STORM_DOCUMENTS', 50),
  largeEdits: numberFrom('BENCH_LARGE_EDITS', 100_000),
  largeLoads: numberFrom('BENCH_LARGE_LOADS', 5),
  memoryDocuments: numberFrom('BENCH_MEMORY_DOCUMENTS', 200),
  // The multi-process load generator (process-fleet.mjs, issue 17).
  processes: numberFrom('BENCH_PROCESSES', 10),
  processStormDocuments: numberFrom('BENCH_PROCESS_STORM_DOCUMENTS', 50),
  processStormClientsPerDocument: numberFrom('BENCH_PROCESS_STORM_CLIENTS_PER_DOCUMENT', 10),
  processSeedCharacters: numberFrom('BENCH_PROCESS_SEED_CHARACTERS', 2_000),
  processFanOutDocuments: numberFrom('BENCH_PROCESS_FAN_OUT_DOCUMENTS', 20),
  processFanOutClientsPerDocument: numberFrom('BENCH_PROCESS_FAN_OUT_CLIENTS_PER_DOCUMENT', 10),
  processFanOutSeconds: numberFrom('BENCH_PROCESS_FAN_OUT_SECONDS', 30),
  /**
   * Editing before the fan-out is recorded, reported apart (`atStart`). For the first ~4 s
   * of everyone typing the ten load processes take 1.4–1.8 of the machine's 2 cores
   * (most likely their code still being compiled; about 1.0 after), so a shorter warm-up
   * made the recorded tail the load generator's start-up, for both servers (session 21,
   * bench/RESULTS.md).
   */
  processFanOutWarmUpSeconds: numberFrom('BENCH_PROCESS_FAN_OUT_WARM_UP_SECONDS', 8),
  /**
   * Adds the socket.io floor (socket-io-floor-server.mjs: Coproduce's wire with nothing
   * behind it) to the multi-process phases, to tell what the wire costs from what the app
   * adds.
   */
  floor: process.env.BENCH_FLOOR === '1',
  processShapes: (process.env.BENCH_PROCESS_SHAPES ?? 'one-account,distinct-accounts').split(','),
  clientTimeoutMs: 60_000,
  limitMinutes: numberFrom('BENCH_LIMIT_MINUTES', 25),
  phases: (
    process.env.BENCH_PHASES ??
    'memory,fan-out,saved,sustained,storm,large,storm-processes,fan-out-processes'
  ).split(','),
};

const targets = [];
const stopAll = () => Promise.allSettled(targets.map((target) => target.stop()));
const deadline = setTimeout(() => {
  console.error(`stopped: the run passed BENCH_LIMIT_MINUTES (${settings.limitMinutes})`);
  void stopAll().finally(() => process.exit(2));
}, settings.limitMinutes * 60_000);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

const report = {
  startedAt: new Date().toISOString(),
  commit: gitCommit(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    loadAverageAtStart: loadavg().map((value) => round(value, 2)),
    cpuPressureAtStart: cpuPressure(),
  },
  settings,
  results: {},
};

const phaseRunners = {
  memory: (target) =>
    memoryPerDocument(target, { documents: settings.memoryDocuments, settleMs: 3_000 }),

  // doc:saved with no fan-out: one client per document, so the figure is the store's.
  saved: async (target) => {
    if (!target.reportsSaved) return { skipped: 'this server sends no doc:saved' };
    const documentIds = await target.newDocuments(settings.documents);
    const fleet = await openFleet(target, documentIds, 1);
    try {
      return await runAtRate(fleet, {
        perClientRate: settings.baseRate,
        warmupMs: 2_000,
        measureMs: settings.baseSeconds * 1000,
        drainMs: 2_000,
      });
    } finally {
      closeFleet(fleet);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  },

  sustained: async (target) => {
    const fleet = await openFleetFor(target);
    try {
      return await findSustainedRate(fleet, {
        perClientRates: settings.stepRates,
        refinements: settings.refinements,
        p99LimitMs: settings.p99LimitMs,
        step: { warmupMs: 1_000, measureMs: settings.stepSeconds * 1000, drainMs: 2_000 },
      });
    } finally {
      closeFleet(fleet);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  },

  storm: async (target) => {
    const result = await connectStorm(target, {
      clients: settings.stormClients,
      documents: settings.stormDocuments,
    });
    // Let the server close what the storm opened before the next phase.
    await new Promise((resolve) => setTimeout(resolve, target.unloadedAfterMs ?? 2_000));
    return result;
  },

  large: (target) =>
    largeDocument(target, {
      edits: settings.largeEdits,
      runLength: 20,
      chunk: 500,
      loads: settings.largeLoads,
      reloadAfterMs: target.unloadedAfterMs,
    }),
};

/** Accounts made for the distinct-accounts shape, once per run. */
let accountTokens;

/**
 * Runs a multi-process phase once per shape of sign-in: Coproduce with every client on one
 * account's token, then with an account per client; Hocuspocus (no accounts) once.
 */
async function byShape(target, clients, run) {
  if (!target.hasAccounts) {
    return { shapes: { 'no-accounts': await run({ shape: 'no-accounts', tokenFor: () => '' }) } };
  }
  const shapes = {};
  for (const shape of settings.processShapes) {
    let tokenFor;
    if (shape === 'one-account') tokenFor = () => target.token;
    else if (shape === 'distinct-accounts') {
      if (!accountTokens || accountTokens.length < clients) {
        log(`making ${clients} accounts for the distinct-accounts shape`);
        accountTokens = await target.newAccounts(clients);
      }
      tokenFor = (index) => accountTokens[index];
    } else throw new Error(`unknown BENCH_PROCESS_SHAPES entry ${shape}`);
    log(`${shape}: ${clients} clients over ${settings.processes} processes`);
    shapes[shape] = await run({ shape, tokenFor });
  }
  return { shapes };
}

Object.assign(phaseRunners, {
  'storm-processes': (target) => {
    const options = {
      processes: settings.processes,
      documents: settings.processStormDocuments,
      clientsPerDocument: settings.processStormClientsPerDocument,
      seedCharacters: settings.processSeedCharacters,
      timeoutMs: settings.clientTimeoutMs,
    };
    return byShape(target, options.documents * options.clientsPerDocument, (shape) =>
      stormProcesses(target, options, shape),
    );
  },

  'fan-out-processes': (target) => {
    const options = {
      processes: settings.processes,
      documents: settings.processFanOutDocuments,
      clientsPerDocument: settings.processFanOutClientsPerDocument,
      seedCharacters: settings.processSeedCharacters,
      perClientRate: settings.baseRate,
      warmupMs: settings.processFanOutWarmUpSeconds * 1000,
      measureMs: settings.processFanOutSeconds * 1000,
      drainMs: 2_000,
      timeoutMs: settings.clientTimeoutMs,
    };
    return byShape(target, options.documents * options.clientsPerDocument, (shape) =>
      fanOutProcesses(target, options, shape),
    );
  },
});

/**
 * The fan-out figure at the base rate: both servers' fleets open at once, then rounds that
 * alternate which server goes first, so a change in the machine's load between one
 * server's turn and the other's falls on both. Samples are pooled across rounds.
 */
async function fanOutRounds(servers) {
  const fleets = [];
  try {
    for (const server of servers) fleets.push(await openFleetFor(server));
    const rounds = servers.map(() => []);
    for (let round = 0; round < settings.baseRounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const index of order) {
        log(
          `fan-out round ${round + 1}: ${servers[index].name} (load average ${round2(loadavg()[0])})`,
        );
        rounds[index].push(
          await runAtRate(fleets[index], {
            perClientRate: settings.baseRate,
            warmupMs: 2_000,
            measureMs: settings.baseSeconds * 1000,
            drainMs: 2_000,
          }),
        );
      }
    }
    return Object.fromEntries(
      servers.map((server, index) => [server.name, poolRounds(rounds[index])]),
    );
  } finally {
    fleets.forEach(closeFleet);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

function round2(value) {
  return round(value, 2);
}

async function openFleetFor(target) {
  const documentIds = await target.newDocuments(settings.documents);
  const fleet = await openFleet(target, documentIds, settings.clientsPerDocument);
  return fleet;
}

/**
 * Coproduce ÷ Hocuspocus for each compared figure (below 1 means Coproduce is lower), and
 * with BENCH_FLOOR, the socket.io floor ÷ Hocuspocus for the multi-process phases.
 */
function ratios(results) {
  const pair = (phase, read, over = 'coproduce') => {
    const ours = results[phase]?.[over];
    const theirs = results[phase]?.hocuspocus;
    if (!ours || !theirs) return undefined;
    const a = read(ours);
    const b = read(theirs);
    const comparable = (value) => typeof value === 'number' && Number.isFinite(value) && value > 0;
    return comparable(a) && comparable(b) ? round(a / b, 2) : null;
  };
  // A multi-process phase's run of one sign-in shape (Hocuspocus has only one).
  const shape = (name, read) => (r) => {
    const run = r.shapes?.[name] ?? r.shapes?.['no-accounts'];
    return run ? read(run) : undefined;
  };
  const serverAndDatabase = (cpu) => cpu.server + (cpu.database ?? 0);
  // Resident sizes added up count the Node binary's pages in both the app and the store.
  const addedUpMemory = (memory) => memory.serverAndDatabasePeak ?? memory.server.peak;
  const processRatios = Object.fromEntries(
    settings.processShapes.map((name) => [
      name,
      {
        stormAllSynced: pair(
          'storm-processes',
          shape(name, (r) => r.allSyncedMs),
        ),
        stormP50: pair(
          'storm-processes',
          shape(name, (r) => r.perClientSyncedMs.p50),
        ),
        stormServerAndDatabaseCpu: pair(
          'storm-processes',
          shape(name, (r) => serverAndDatabase(r.cpuSeconds)),
        ),
        stormPeakMemory: pair(
          'storm-processes',
          shape(name, (r) => peakMemoryOf(r.memoryMiB)),
        ),
        stormPeakMemoryAddedUp: pair(
          'storm-processes',
          shape(name, (r) => addedUpMemory(r.memoryMiB)),
        ),
        fanOutP99: pair(
          'fan-out-processes',
          shape(name, (r) => r.fanOut.p99Ms),
        ),
        fanOutP99AtStart: pair(
          'fan-out-processes',
          shape(name, (r) => r.atStart.fanOut.p99Ms),
        ),
        fanOutServerAndDatabaseCpuPerEdit: pair(
          'fan-out-processes',
          shape(name, (r) => serverAndDatabase(r.cpuMsPerEdit)),
        ),
        fanOutPeakMemory: pair(
          'fan-out-processes',
          shape(name, (r) => peakMemoryOf(r.memoryMiB)),
        ),
        fanOutPeakMemoryAddedUp: pair(
          'fan-out-processes',
          shape(name, (r) => addedUpMemory(r.memoryMiB)),
        ),
      },
    ]),
  );
  const floor = (phase, read) => pair(phase, shape('no-accounts', read), FLOOR_NAME);
  return {
    processes: processRatios,
    ...(settings.floor
      ? {
          floorProcesses: {
            stormAllSynced: floor('storm-processes', (r) => r.allSyncedMs),
            stormServerCpu: floor('storm-processes', (r) => r.cpuSeconds.server),
            fanOutP99: floor('fan-out-processes', (r) => r.fanOut.p99Ms),
            fanOutP99AtStart: floor('fan-out-processes', (r) => r.atStart.fanOut.p99Ms),
            fanOutServerCpuPerEdit: floor('fan-out-processes', (r) => r.cpuMsPerEdit.server),
          },
        }
      : {}),
    fanOutP50: pair('fan-out', (r) => r.fanOut.p50Ms),
    fanOutP99: pair('fan-out', (r) => r.fanOut.p99Ms),
    serverCpuPerEdit: pair('fan-out', (r) => r.cpuMsPerEdit.server),
    serverAndDatabaseCpuPerEdit: pair(
      'fan-out',
      (r) => r.cpuMsPerEdit.server + (r.cpuMsPerEdit.database ?? 0),
    ),
    sustainedEditsPerSecond: pair('sustained', (r) => r.sustainedEditsPerSecond),
    stormAllSynced: pair('storm', (r) => r.allSyncedMs),
    largeDocumentLoadMedian: pair('large', (r) => median(r.whileOpen.connectJoinAndSyncMs)),
    memoryPerOpenDocument: pair('memory', (r) => r.perOpenDocumentKiB),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function numberFrom(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number`);
  return parsed;
}

/**
 * Linux pressure stall information: the share of the last 10 / 60 seconds in which some
 * runnable task waited for a CPU. Load average says how many wanted one; this says how
 * often they were kept waiting, which is what stretches a latency tail.
 */
function cpuPressure() {
  try {
    const line = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
    const read = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(line)?.[1]);
    return { someAvg10Percent: read('avg10'), someAvg60Percent: read('avg60') };
  } catch {
    return null;
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function log(message) {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main() {
  try {
    const makesAccounts =
      settings.phases.some((phase) => phase.endsWith('-processes')) &&
      settings.processShapes.includes('distinct-accounts');
    const coproduce = await startCoproduce({
      timeoutMs: settings.clientTimeoutMs,
      // Invitations are rate limited per address: making the distinct-accounts shape's
      // accounts, each request says it comes from an address of its own (X-Forwarded-For).
      env: makesAccounts ? { TRUST_PROXY: 'loopback' } : {},
    });
    targets.push(coproduce);
    const template = await coproduce.templateUpdate();
    const hocuspocus = await startHocuspocus({ template, timeoutMs: settings.clientTimeoutMs });
    targets.push(hocuspocus);
    report.templateBytes = template.length;
    if (settings.floor) {
      targets.push(await startSocketIoFloor({ template, timeoutMs: settings.clientTimeoutMs }));
    }

    for (const phase of settings.phases) {
      if (phase === 'fan-out') {
        log(`fan-out: both servers, ${settings.baseRounds} alternating rounds`);
        report.results[phase] = await fanOutRounds([coproduce, hocuspocus]);
        continue;
      }
      const run = phaseRunners[phase];
      if (!run) throw new Error(`unknown phase ${phase}`);
      report.results[phase] = {};
      for (const target of targets) {
        if (target.name === FLOOR_NAME && !phase.endsWith('-processes')) continue;
        const loadAverage = round(loadavg()[0], 2);
        log(`${phase}: ${target.name} (load average ${loadAverage})`);
        const began = performance.now();
        report.results[phase][target.name] = {
          ...(await run(target)),
          loadAverage1m: [loadAverage, round(loadavg()[0], 2)],
          cpuPressureAfter: cpuPressure(),
          phaseSeconds: round((performance.now() - began) / 1000, 1),
        };
      }
    }
    report.ratios = ratios(report.results);
    report.machine.loadAverageAtEnd = loadavg().map((value) => round(value, 2));
    report.machine.cpuPressureAtEnd = cpuPressure();
    report.finishedAt = new Date().toISOString();
    console.log(JSON.stringify(report, null, 2));
  } catch (error) {
    console.error(error);
    for (const target of targets) if (target.output) console.error(target.output().slice(-4000));
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    await stopAll();
  }
}

await main();
// Sockets closed a moment before their server stopped may still wait out a close handshake
// that will never come; the run is over, so do not wait for them.
process.exit();
