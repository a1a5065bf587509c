// System calls a join costs the server: how many times it writes to its sockets, and
// reads from them, while `BENCH_JOINS` clients (default 200) each open a connection and
// join one of 10 documents, for Coproduce and for Hocuspocus in the same run. A
// reconnection storm is that many joins at once, and each write is a system call (and
// often a wake-up of the reader). Counted from /proc/PID/io (`syscw`, `syscr`), so this
// is for Linux. Clients are the servers' own (`@coproduce/collab-provider`,
// `@hocuspocus/provider`), in this process; a fresh set of documents warms each server
// first.
//
//   npx -y pnpm@10.34.9 exec tsc -b
//   node bench/collab/join-writes.bench.mjs > join-writes.json   # progress on stderr
import { systemCalls } from './process-usage.mjs';
import { startCoproduce } from './coproduce-target.mjs';
import { startHocuspocus } from './hocuspocus-target.mjs';

const JOINS = Number(process.env.BENCH_JOINS ?? 200);
const DOCUMENTS = 10;
const TIMEOUT_MS = 30_000;
const SETTLE_MS = 1_000;

const log = (message) =>
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Write and read system calls of the server per join, joins all at once. */
async function measure(target) {
  const documents = await target.newDocuments(DOCUMENTS);
  const warm = await Promise.all(documents.map((docId) => target.openClient(docId)));
  for (const client of warm) client.close();
  await pause(SETTLE_MS);
  const before = systemCalls(target.pid);
  const clients = await Promise.all(
    Array.from({ length: JOINS }, (_, index) => target.openClient(documents[index % DOCUMENTS])),
  );
  // Whatever a join sends after it is synced (presence, "Saved") is counted too.
  await pause(SETTLE_MS);
  const after = systemCalls(target.pid);
  for (const client of clients) client.close();
  const per = (name) => Math.round(((after[name] - before[name]) / JOINS) * 100) / 100;
  return { joins: JOINS, writesPerJoin: per('writes'), readsPerJoin: per('reads') };
}

const targets = [];
try {
  log('starting the app');
  const coproduce = await startCoproduce({ timeoutMs: TIMEOUT_MS });
  targets.push(coproduce);
  const template = await coproduce.templateUpdate();
  log('starting Hocuspocus');
  const hocuspocus = await startHocuspocus({ template, timeoutMs: TIMEOUT_MS });
  targets.push(hocuspocus);
  const results = {};
  for (const target of targets) {
    log(`${JOINS} joins: ${target.name}`);
    results[target.name] = await measure(target);
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        startedAt: new Date().toISOString(),
        results,
        ratio: {
          writesPerJoin:
            Math.round((results.coproduce.writesPerJoin / results.hocuspocus.writesPerJoin) * 100) /
            100,
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await Promise.allSettled(targets.map((target) => target.stop()));
}
// Sockets closed a moment before their server stopped may still wait out a close handshake
// that will never come; the run is over, so do not wait for them.
process.exit();
