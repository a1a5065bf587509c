// The load shape of issue 17: clients that are not the project's own (load-worker.mjs, raw
// y-protocols sync) spread over several worker processes forked from here, so the load
// generator is not one event loop. Two phases use it:
//
// - storm: `clients` connect in the same instant (a start time sent to every worker) to
//   `documents` documents, each seeded beforehand with `seedCharacters` characters and no
//   longer open; time from that instant until each is synced, failures, and the server's
//   CPU and peak memory (Coproduce's app and its embedded store apart).
// - fan-out: `documents` × `clientsPerDocument` clients editing at `perClientRate` edits/s;
//   time from an edit in one process to its application in the others (one wall clock on
//   one machine), CPU and peak memory.
//
// Coproduce is driven with every client signed in as one account, and then with an
// account per client; Hocuspocus has no accounts.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { percentile, round } from '../embedded-mongo/latency-stats.mjs';
import { stopProcess } from './coproduce-target.mjs';
import { perEdit, sumEach, withMissing } from './fan-out.mjs';
import { sampleUsage } from './process-usage.mjs';

const require = createRequire(import.meta.url);
const Y = require('yjs');
const { specificationFragment } = require('@coproduce/specification-document');

const WORKER = new URL('./load-worker.mjs', import.meta.url).pathname;
/** Time between telling the workers when to start and the start itself. */
const START_LEAD_MS = 500;
const SEED_RUN = 100;
/**
 * BENCH_CLIENT_NICE: the workers' scheduling niceness (0, as the server's, unless set).
 * Users' browsers do not share the server's cores; on this 2-core machine a positive value
 * lets the server and store run first while the generator waits, which is closer to that.
 */
const CLIENT_NICE = Number(process.env.BENCH_CLIENT_NICE ?? 0);

/** Forks `count` workers; every request to one is answered once, or fails in `limitMs`. */
export async function startWorkers(count, { limitMs }) {
  let nextId = 0;
  const pending = new Map();
  const workers = Array.from({ length: count }, () => {
    const child = fork(WORKER, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    if (CLIENT_NICE !== 0 && child.pid !== undefined) setPriority(child.pid, CLIENT_NICE);
    child.on('message', ({ id, result, error }) => {
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      clearTimeout(waiting.timer);
      if (error) waiting.reject(new Error(`worker ${child.pid}: ${error}`));
      else waiting.resolve(result);
    });
    child.on('exit', (code, signal) => {
      for (const [id, waiting] of pending) {
        if (waiting.child !== child) continue;
        pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`worker ${child.pid} exited (${signal ?? code})`));
      }
    });
    return child;
  });
  const request = (child, message) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`worker ${child.pid} did not answer ${message.type} in ${limitMs} ms`));
      }, limitMs);
      pending.set(id, { child, resolve, reject, timer });
      child.send({ ...message, id });
    });
  return {
    count,
    /** Sends `messageFor(index)` to every worker; their answers in order. */
    all: (messageFor) =>
      Promise.all(workers.map((child, index) => request(child, messageFor(index)))),
    stop: () => Promise.all(workers.map((child) => stopProcess(child))),
  };
}

/**
 * Creates `count` documents and types `characters` characters into each (a paragraph at
 * the end of the specification, `SEED_RUN` characters a transaction) through the target's
 * own client, waits until the server has them, and closes. Returns each document's id and
 * the state vector a synced replica must cover.
 */
export async function seedDocuments(target, count, characters) {
  const ids = await target.newDocuments(count, { kept: true });
  const seeded = [];
  for (let first = 0; first < ids.length; first += 10) {
    const batch = ids.slice(first, first + 10);
    seeded.push(
      ...(await Promise.all(
        batch.map(async (docId) => {
          const client = await target.openClient(docId);
          try {
            const paragraph = new Y.XmlElement('paragraph');
            const text = new Y.XmlText();
            paragraph.insert(0, [text]);
            const fragment = specificationFragment(client.doc);
            fragment.insert(fragment.length, [paragraph]);
            for (let typed = 0; typed < characters; typed += SEED_RUN) {
              const run = Math.min(SEED_RUN, characters - typed);
              text.insert(text.length, 'x'.repeat(run));
            }
            await client.whenFlushed();
            return { docId, expect: [...Y.decodeStateVector(Y.encodeStateVector(client.doc))] };
          } finally {
            client.close();
          }
        }),
      )),
    );
  }
  return seeded;
}

/** Client i goes to document i mod documents and to worker i mod workers. */
function assign({ documents, clients, workers, tokenFor }) {
  const perWorker = Array.from({ length: workers }, () => []);
  for (let index = 0; index < clients; index++) {
    const document = documents[index % documents.length];
    perWorker[index % workers].push({
      docId: document.docId,
      expect: document.expect,
      token: tokenFor(index),
    });
  }
  return perWorker;
}

/**
 * Connects every worker's clients at one start time; returns the fleet (still open) and
 * what the storm measured.
 */
async function connectAll(target, workers, perWorker, timeoutMs) {
  await workers.all((index) => ({
    type: 'prepare',
    server: target.wire,
    url: target.url,
    clients: perWorker[index],
  }));
  const usageBefore = target.usage();
  const memory = sampleUsage(target);
  const startAt = Date.now() + START_LEAD_MS;
  const answers = await workers.all(() => ({ type: 'start', startAt, timeoutMs }));
  const usageAfter = target.usage();
  const peaks = memory.stop();
  const outcomes = answers.flatMap((answer) => answer.outcomes);
  const synced = outcomes.filter((outcome) => outcome.syncedMs !== undefined);
  const failures = outcomes.filter((outcome) => outcome.error !== undefined);
  const times = synced.map((outcome) => outcome.syncedMs);
  return {
    clients: outcomes.length,
    synced: synced.length,
    withSeededContent: synced.filter((outcome) => outcome.hasContent).length,
    failed: failures.length,
    ...(failures.length > 0
      ? {
          firstFailures: distinct(
            failures.map((f) => f.error),
            3,
          ),
        }
      : {}),
    allSyncedMs: failures.length === 0 ? round(Math.max(...times), 1) : null,
    perClientSyncedMs: {
      p50: round(percentile(times, 0.5), 1),
      p99: round(percentile(times, 0.99), 1),
      max: round(percentile(times, 1), 1),
    },
    workersLateToStartMs: round(Math.max(...answers.map((answer) => answer.lateByMs)), 1),
    cpuSeconds: {
      ...cpuSpent(usageBefore, usageAfter),
      clients: round(
        answers.reduce((sum, answer) => sum + answer.cpuSeconds, 0),
        2,
      ),
    },
    memoryMiB: memoryReport(usageBefore, peaks, usageAfter),
  };
}

/** One storm: fresh workers, seeded documents, every client at once, then all closed. */
export async function stormProcesses(target, settings, { tokenFor, shape }) {
  const documents = await seedDocuments(target, settings.documents, settings.seedCharacters);
  // Let what seeding opened be unloaded, so the storm reads every document back.
  await pause(target.unloadedAfterMs ?? 1_000);
  const databaseBefore = target.usage().databaseRssMiB;
  const workers = await startWorkers(settings.processes, { limitMs: settings.timeoutMs * 2 });
  try {
    const perWorker = assign({
      documents,
      clients: settings.clientsPerDocument * settings.documents,
      workers: settings.processes,
      tokenFor,
    });
    const result = await connectAll(target, workers, perWorker, settings.timeoutMs);
    await workers.all(() => ({ type: 'close' }));
    return {
      shape,
      processes: settings.processes,
      documents: settings.documents,
      clientsPerDocument: settings.clientsPerDocument,
      seedCharacters: settings.seedCharacters,
      ...result,
      // What the store holds for the workspace's data once the documents are seeded.
      ...(databaseBefore === undefined
        ? {}
        : { databaseRssBeforeStormMiB: round(databaseBefore, 1) }),
      ...(target.dataDirectoryBytes
        ? { databaseOnDiskMiB: round(target.dataDirectoryBytes() / 2 ** 20, 1) }
        : {}),
    };
  } finally {
    await workers.stop();
    // Let the server close what the storm opened before the next run.
    await pause(target.unloadedAfterMs ?? 2_000);
  }
}

/**
 * Fan-out in the same shape: documents seeded and open, every client editing at
 * `perClientRate`; deliveries pooled from every worker. `documents`: ones that exist
 * already (`[{ docId, expect }]`, as seedDocuments returns), instead of seeding new ones.
 */
export async function fanOutProcesses(target, settings, { tokenFor, shape, documents: given }) {
  const documents =
    given ?? (await seedDocuments(target, settings.documents, settings.seedCharacters));
  const workers = await startWorkers(settings.processes, {
    limitMs: settings.timeoutMs + settings.warmupMs + settings.measureMs + settings.drainMs,
  });
  try {
    const perWorker = assign({
      documents,
      clients: settings.clientsPerDocument * documents.length,
      workers: settings.processes,
      tokenFor,
    });
    const opened = await connectAll(target, workers, perWorker, settings.timeoutMs);
    if (opened.failed > 0) {
      throw new Error(`${opened.failed} fan-out clients did not open: ${opened.firstFailures}`);
    }
    const usageBefore = target.usage();
    const memory = sampleUsage(target);
    const startAt = Date.now() + START_LEAD_MS;
    const answers = await workers.all(() => ({
      type: 'run',
      startAt,
      perClientRate: settings.perClientRate,
      warmupMs: settings.warmupMs,
      measureMs: settings.measureMs,
      drainMs: settings.drainMs,
    }));
    const usageAfter = target.usage();
    const peaks = memory.stop();
    await workers.all(() => ({ type: 'close' }));

    const sent = answers.reduce((sum, answer) => sum + answer.sent, 0);
    const latencies = answers.flatMap((answer) => answer.latencies);
    const savedLatencies = answers.flatMap((answer) => answer.savedLatencies);
    const editsInAll = answers.reduce((sum, answer) => sum + answer.sentInAll, 0);
    const sentAtStart = editsInAll - sent;
    const measuredSeconds = settings.measureMs / 1000;
    const cpuSeconds = cpuSpent(usageBefore, usageAfter);
    const result = {
      shape,
      processes: settings.processes,
      documents: documents.length,
      clientsPerDocument: settings.clientsPerDocument,
      perClientRate: settings.perClientRate,
      targetEditsPerSecond: settings.perClientRate * documents.length * settings.clientsPerDocument,
      achievedEditsPerSecond: Math.round(sent / measuredSeconds),
      sendLagMaxMs: round(Math.max(...answers.map((answer) => answer.sendLagMaxMs)), 1),
      fanOut: withMissing(latencies, sent * (settings.clientsPerDocument - 1)),
      ...(target.reportsSaved ? { saved: withMissing(savedLatencies, sent) } : {}),
      // The warm-up's edits, apart: the first seconds of everyone typing at once, when the
      // load processes' own code is still being compiled and takes most of the machine.
      atStart: {
        seconds: settings.warmupMs / 1000,
        fanOut: withMissing(
          answers.flatMap((answer) => answer.atStart.latencies),
          sentAtStart * (settings.clientsPerDocument - 1),
        ),
        ...(target.reportsSaved
          ? {
              saved: withMissing(
                answers.flatMap((answer) => answer.atStart.savedLatencies),
                sentAtStart,
              ),
            }
          : {}),
      },
      // The servers' CPU covers warm-up, measurement and drain, so it is divided by every
      // edit made in them; the clients' covers the measured window.
      editsInAll,
      cpuSeconds: {
        ...cpuSeconds,
        clientsWhileMeasured: round(
          answers.reduce((sum, answer) => sum + answer.cpuSeconds, 0),
          2,
        ),
      },
      cpuMsPerEdit: perEdit(cpuSeconds, editsInAll),
      memoryMiB: memoryReport(usageBefore, peaks, usageAfter),
    };
    // What pooling rounds needs (poolProcessRounds), kept out of the JSON report.
    Object.defineProperty(result, 'samples', {
      value: { latencies, savedLatencies, sent, expectedFanOut: result.fanOut.expected },
    });
    return result;
  } finally {
    await workers.stop();
    await pause(target.unloadedAfterMs ?? 2_000);
  }
}

/**
 * Several rounds of fanOutProcesses on one server as one result: percentiles over every
 * delivery of every round, CPU per edit over all their edits, the highest memory peak, and
 * each round's own tail beside it.
 */
export function poolProcessRounds(rounds) {
  const [first] = rounds;
  const latencies = rounds.flatMap((one) => one.samples.latencies);
  const savedLatencies = rounds.flatMap((one) => one.samples.savedLatencies);
  const sent = rounds.reduce((sum, one) => sum + one.samples.sent, 0);
  const expectedFanOut = rounds.reduce((sum, one) => sum + one.samples.expectedFanOut, 0);
  const editsInAll = rounds.reduce((sum, one) => sum + one.editsInAll, 0);
  const cpuSeconds = sumEach(rounds.map((one) => one.cpuSeconds));
  return {
    shape: first.shape,
    rounds: rounds.length,
    processes: first.processes,
    documents: first.documents,
    clientsPerDocument: first.clientsPerDocument,
    perClientRate: first.perClientRate,
    fanOut: withMissing(latencies, expectedFanOut),
    ...(first.saved ? { saved: withMissing(savedLatencies, sent) } : {}),
    editsInAll,
    cpuSeconds: Object.fromEntries(
      Object.entries(cpuSeconds).map(([name, seconds]) => [name, round(seconds, 2)]),
    ),
    cpuMsPerEdit: perEdit(
      Object.fromEntries(
        Object.entries(cpuSeconds).filter(([name]) => name !== 'clientsWhileMeasured'),
      ),
      editsInAll,
    ),
    peakMemoryMiB: Math.max(...rounds.map((one) => peakMemoryOf(one.memoryMiB))),
    perRound: rounds.map((one) => ({
      fanOut: one.fanOut,
      ...(one.saved ? { saved: one.saved } : {}),
      atStart: one.atStart,
      cpuMsPerEdit: one.cpuMsPerEdit,
      sendLagMaxMs: one.sendLagMaxMs,
    })),
  };
}

function cpuSpent(before, after) {
  return {
    server: round(after.serverCpuSeconds - before.serverCpuSeconds, 2),
    ...(after.databaseCpuSeconds === undefined
      ? {}
      : { database: round(after.databaseCpuSeconds - before.databaseCpuSeconds, 2) }),
  };
}

/**
 * A server's peak for comparison with another's: with a store, what the two held together
 * at one moment, shared pages once (`together`; runs before it was recorded: added up).
 */
export function peakMemoryOf(memory) {
  return memory.together ?? memory.serverAndDatabasePeak ?? memory.server.peak;
}

/** Before, the peak sampled during, and the lifetime high-water mark after. */
function memoryReport(before, peaks, after) {
  const report = {
    server: {
      before: round(before.serverRssMiB, 1),
      peak: round(peaks.serverRssMiB, 1),
      highWater: round(after.serverHighWaterMiB, 1),
    },
  };
  if (after.databaseRssMiB !== undefined) {
    report.database = {
      before: round(before.databaseRssMiB, 1),
      peak: round(peaks.databaseRssMiB, 1),
      highWater: round(after.databaseHighWaterMiB, 1),
    };
    // The largest both held at one moment (sampled together): resident sizes added up,
    // and with the pages they share (the Node binary's) counted once, as in one process.
    report.serverAndDatabasePeak = round(peaks.totalRssMiB, 1);
    if (peaks.togetherMiB !== undefined) report.together = round(peaks.togetherMiB, 1);
  }
  return report;
}

function distinct(values, limit) {
  return [...new Set(values)].slice(0, limit);
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
