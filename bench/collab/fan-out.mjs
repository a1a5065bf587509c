// Fan-out: clients editing the same documents at a fixed rate, and how long each edit
// takes to be applied by every other client of its document.
//
// Every edit is one transaction that types a character into a shared text and adds an
// entry of its own (sender and sequence number) to a shared map, holding the time it was
// made; a receiving client reads the entries an update added when Yjs applies it. One
// entry per edit, because a server may merge several updates into one message
// (Hocuspocus 4 does, within an event-loop turn), and each edit must still be counted. Clients all live in this process, so one clock
// serves both ends. An edit some client never applied by the end of the drain counts as
// infinitely late, so losing edits cannot make a server look fast.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { percentile, round } from '../embedded-mongo/latency-stats.mjs';
import { ownCpuSeconds } from './process-usage.mjs';

const require = createRequire(import.meta.url);
const Y = require('yjs');

const STAMPS = 'fan-out-stamps';
const TEXT = 'fan-out-text';

/** Opens `clientsPerDocument` clients on each document, each with its own connection. */
const collectGarbage = exposedGc();

/** V8's full collection, without asking whoever runs the benchmark for --expose-gc. */
function exposedGc() {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

export async function openFleet(target, documentIds, clientsPerDocument) {
  const fleet = { target, clients: [], recording: null };
  const slots = documentIds.flatMap((docId) =>
    Array.from({ length: clientsPerDocument }, () => docId),
  );
  const opened = await Promise.allSettled(slots.map((docId) => target.openClient(docId)));
  const failed = opened.filter((result) => result.status === 'rejected');
  if (failed.length > 0) {
    for (const result of opened) if (result.status === 'fulfilled') result.value.close();
    throw new Error(`${failed.length} fan-out clients did not open: ${failed[0].reason}`);
  }
  opened.forEach((result, index) =>
    fleet.clients.push(enlist(fleet, result.value, index, slots[index])),
  );
  return fleet;
}

export function closeFleet(fleet) {
  for (const client of fleet.clients) client.close();
}

function enlist(fleet, opened, index, docId) {
  const client = { ...opened, docId, key: String(index), seq: 0, nextAt: 0, pendingSaves: [] };
  const stamps = client.doc.getMap(STAMPS);
  stamps.observe((event) => {
    const window = fleet.recording;
    if (event.transaction.local || !window) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const sentAt = stamps.get(key);
      if (sentAt >= window.start && sentAt < window.end) recordArrival(window, key, now - sentAt);
    }
  });
  client.onSaved?.((clock) => {
    const window = fleet.recording;
    const now = performance.now();
    while (client.pendingSaves.length > 0 && client.pendingSaves[0].clock <= clock) {
      const { sentAt } = client.pendingSaves.shift();
      if (window && sentAt >= window.start && sentAt < window.end) {
        window.savedLatencies.push(now - sentAt);
      }
    }
  });
  return client;
}

/**
 * Each delivery, and per edit its first and last: the first receiver's wait is the
 * server's part (and the network's), the spread to the last is mostly the receiving
 * clients' own work, one after another in this process.
 */
function recordArrival(window, key, latency) {
  window.latencies.push(latency);
  const arrivals = window.arrivals.get(key);
  if (arrivals === undefined) window.arrivals.set(key, { first: latency, last: latency });
  else arrivals.last = Math.max(arrivals.last, latency);
}

function edit(client) {
  const sentAt = performance.now();
  const seq = ++client.seq;
  client.doc.transact(() => {
    const text = client.doc.getText(TEXT);
    text.insert(Math.floor(Math.random() * (text.length + 1)), 'x');
    client.doc.getMap(STAMPS).set(`${client.key}:${seq}`, sentAt);
  });
  if (client.onSaved) {
    client.pendingSaves.push({ clock: Y.getState(client.doc.store, client.doc.clientID), sentAt });
  }
  return sentAt;
}

/**
 * Every client edits `perClientRate` times a second (open loop: a late timer catches up,
 * it does not skip) for `warmupMs` unrecorded, then `measureMs` recorded; then the fleet
 * is left `drainMs` to deliver what was sent.
 */
export async function runAtRate(fleet, { perClientRate, warmupMs, measureMs, drainMs }) {
  const { clients, target } = fleet;
  // This process holds every client and every sample: its own full garbage collection
  // (100–200 ms as the heap passes 300 MB) would otherwise land inside whichever server's
  // round is running, and be counted as that server's latency.
  collectGarbage();
  const interval = 1000 / perClientRate;
  const begin = performance.now();
  for (const client of clients) client.nextAt = begin + Math.random() * interval;
  const window = {
    start: begin + warmupMs,
    end: begin + warmupMs + measureMs,
    latencies: [],
    arrivals: new Map(),
    savedLatencies: [],
  };
  fleet.recording = window;
  let sent = 0;
  let sendLagMax = 0;
  let usageBefore;
  let clientCpuBefore;
  const loadBefore = loadavg()[0];

  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (usageBefore === undefined && now >= window.start) {
        usageBefore = target.usage();
        clientCpuBefore = ownCpuSeconds();
      }
      if (now >= window.end) return resolve();
      for (const client of clients) {
        while (client.nextAt <= now) {
          const sentAt = edit(client);
          if (sentAt >= window.start && sentAt < window.end) {
            sent++;
            sendLagMax = Math.max(sendLagMax, sentAt - client.nextAt);
          }
          client.nextAt += interval;
        }
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  const usageAfter = target.usage();
  const clientCpuAfter = ownCpuSeconds();
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  fleet.recording = null;

  const measuredSeconds = measureMs / 1000;
  const receiversPerEdit = clients.length / new Set(clients.map((client) => client.docId)).size;
  return summariseWindow({
    window,
    sent,
    perClientRate,
    clientCount: clients.length,
    measuredSeconds,
    sendLagMax,
    cpu: {
      clientsPercent: percent(clientCpuAfter - clientCpuBefore, measuredSeconds),
      serverPercent: percent(
        usageAfter.serverCpuSeconds - usageBefore.serverCpuSeconds,
        measuredSeconds,
      ),
      ...(usageAfter.databaseCpuSeconds === undefined
        ? {}
        : {
            databasePercent: percent(
              usageAfter.databaseCpuSeconds - usageBefore.databaseCpuSeconds,
              measuredSeconds,
            ),
          }),
    },
    cpuSeconds: {
      server: usageAfter.serverCpuSeconds - usageBefore.serverCpuSeconds,
      ...(usageAfter.databaseCpuSeconds === undefined
        ? {}
        : { database: usageAfter.databaseCpuSeconds - usageBefore.databaseCpuSeconds }),
      clients: clientCpuAfter - clientCpuBefore,
    },
    loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
    receiversPerEdit,
    measuresSaved: clients.some((client) => client.onSaved),
  });
}

function summariseWindow(run) {
  const { window, sent } = run;
  const expectedFanOut = sent * (run.receiversPerEdit - 1);
  const result = {
    perClientRate: run.perClientRate,
    targetEditsPerSecond: run.perClientRate * run.clientCount,
    achievedEditsPerSecond: Math.round(sent / run.measuredSeconds),
    ...(expectedFanOut > 0
      ? { fanOut: withMissing(window.latencies, expectedFanOut), edits: perEditArrivals([window]) }
      : {}),
    ...(run.measuresSaved ? { saved: withMissing(window.savedLatencies, sent) } : {}),
    sendLagMaxMs: round(run.sendLagMax, 1),
    cpu: run.cpu,
    cpuMsPerEdit: perEdit(run.cpuSeconds, sent),
    loadAverage1m: run.loadAverage,
  };
  // Kept out of the printed report (not enumerable), for pooling rounds.
  Object.defineProperty(result, 'samples', {
    value: {
      window,
      sent,
      expectedFanOut,
      measuresSaved: run.measuresSaved,
      cpuSeconds: run.cpuSeconds,
    },
  });
  return result;
}

/** One figure from several rounds at the same rate: their samples pooled. */
export function poolRounds(rounds) {
  const latencies = rounds.flatMap((round) => round.samples.window.latencies);
  const savedLatencies = rounds.flatMap((round) => round.samples.window.savedLatencies);
  const sent = rounds.reduce((sum, round) => sum + round.samples.sent, 0);
  const expectedFanOut = rounds.reduce((sum, round) => sum + round.samples.expectedFanOut, 0);
  return {
    rounds: rounds.length,
    fanOut: withMissing(latencies, expectedFanOut),
    edits: perEditArrivals(rounds.map((round) => round.samples.window)),
    ...(rounds[0].samples.measuresSaved ? { saved: withMissing(savedLatencies, sent) } : {}),
    cpuMsPerEdit: perEdit(sumEach(rounds.map((round) => round.samples.cpuSeconds)), sent),
    perRound: rounds,
  };
}

/** Percentiles over every expected delivery; a delivery that never came is infinitely late. */
export function withMissing(latencies, expected) {
  const missing = Math.max(0, expected - latencies.length);
  const all = latencies.concat(Array(missing).fill(Number.POSITIVE_INFINITY));
  return {
    expected,
    received: latencies.length,
    missing,
    p50Ms: finiteOrLost(percentile(all, 0.5)),
    p99Ms: finiteOrLost(percentile(all, 0.99)),
    maxMs: finiteOrLost(percentile(all, 1)),
  };
}

/** Over the edits of `windows`: when the first receiver had each, and how long until the last. */
function perEditArrivals(windows) {
  const arrivals = windows.flatMap((window) => [...window.arrivals.values()]);
  const first = arrivals.map((edit) => edit.first);
  const spread = arrivals.map((edit) => edit.last - edit.first);
  return {
    firstReceiverP50Ms: round(percentile(first, 0.5), 2),
    firstReceiverP99Ms: round(percentile(first, 0.99), 2),
    spreadToLastP50Ms: round(percentile(spread, 0.5), 2),
    spreadToLastP99Ms: round(percentile(spread, 0.99), 2),
  };
}

/**
 * CPU milliseconds each process spent per edit made: unlike a latency tail, this hardly
 * moves when other work on the machine keeps the processes waiting for a core.
 */
export function perEdit(cpuSeconds, edits) {
  return Object.fromEntries(
    Object.entries(cpuSeconds).map(([name, seconds]) => [name, round((seconds * 1000) / edits, 3)]),
  );
}

export function sumEach(records) {
  const sums = {};
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) sums[name] = (sums[name] ?? 0) + value;
  }
  return sums;
}

function percent(cpuSeconds, wallSeconds) {
  return Math.round((100 * cpuSeconds) / wallSeconds);
}

/** A percentile that falls on an edit never delivered has no value in milliseconds. */
function finiteOrLost(ms) {
  return Number.isFinite(ms) ? round(ms, 2) : 'not delivered';
}
