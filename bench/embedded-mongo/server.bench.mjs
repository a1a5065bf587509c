// The embedded MongoDB-compatible server as the app uses it: a child process
// with its journal on, driven by the official driver over its private Unix domain
// socket (TCP on 127.0.0.1 until issue 18; transport.bench.mjs compares the two).
//
//   npx -y pnpm@10.34.9 exec tsc -b packages/embedded-mongo
//   node bench/embedded-mongo/server.bench.mjs
//
// Measures acknowledged inserts/s and ack latency with 1 and 50 concurrent
// writers, find-by-indexed-field latency at 10,000 and 1,000,000 documents,
// and start-up time and memory with a ~1 GiB journal. BENCH_FIND_DOCUMENTS
// (default 1000000), BENCH_JOURNAL_MB (default 1024) and BENCH_DIR (default
// the OS temp dir) shrink or move the runs.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import { childPids, residentMemory } from './child-memory.mjs';
import { feedbackDocument, writeFeedbackJournal } from './feedback-journal.mjs';
import { millisecondsSince, round, runConcurrently, summarise } from './latency-stats.mjs';

const findDocuments = Number(process.env.BENCH_FIND_DOCUMENTS ?? 1_000_000);
const journalMegabytes = Number(process.env.BENCH_JOURNAL_MB ?? 1024);
const workRoot = process.env.BENCH_DIR ?? tmpdir();

/** Starts a server on a fresh data directory, hands `use` a connected database, cleans up. */
async function withServer(use, prepare = async () => undefined) {
  const dbpath = await mkdtemp(join(workRoot, 'embedded-mongo-bench-'));
  let server;
  let client;
  try {
    const prepared = await prepare(dbpath);
    const before = new Set(childPids());
    const start = process.hrtime.bigint();
    server = await launchEmbeddedMongo({ dbpath });
    client = new MongoClient(server.uri, { maxPoolSize: 64 });
    await client.db('admin').command({ ping: 1 });
    const startMs = millisecondsSince(start);
    const pid = childPids().find((candidate) => !before.has(candidate));
    return await use({ db: client.db('coproduce'), dbpath, pid, startMs, prepared });
  } finally {
    await client?.close();
    await server?.stop();
    await rm(dbpath, { recursive: true, force: true });
  }
}

async function insertBenchmark(concurrency) {
  return withServer(async ({ db }) => {
    const feedback = db.collection('feedback');
    await feedback.insertOne(feedbackDocument(-1)); // creates the collection outside the timing
    return runConcurrently({
      concurrency,
      maxOperations: 50_000,
      maxMilliseconds: 10_000,
      operation: (sequence) => feedback.insertOne(feedbackDocument(sequence)),
    });
  });
}

function lookupDocument(n) {
  return { ref: `case-${n}`, workspaceId: 'icb-key-worker-service', stage: n % 7 };
}

/** Sequential finds of random existing refs; the first `warmUp` are not counted (JIT, caches). */
async function findLatency(collection, populated, { queries = 5000, warmUp = 1000 } = {}) {
  const latencies = [];
  for (let i = 0; i < warmUp + queries; i += 1) {
    const n = Math.floor(Math.random() * populated);
    const start = process.hrtime.bigint();
    const found = await collection.findOne({ ref: `case-${n}` });
    if (i >= warmUp) latencies.push(millisecondsSince(start));
    if (found?.ref !== `case-${n}`) throw new Error(`case-${n} was not found`);
  }
  return summarise(latencies);
}

/** Waits until no compaction is writing a snapshot, so it does not share the measured time. */
async function compactionFinished(dbpath, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  let quietPolls = 0;
  while (quietPolls < 3 && Date.now() < deadline) {
    const writing = (await readdir(dbpath)).some((name) => name.endsWith('.tmp'));
    quietPolls = writing ? 0 : quietPolls + 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function fill(collection, from, to, batch = 5000) {
  for (let n = from; n < to; n += batch) {
    const documents = [];
    for (let i = n; i < Math.min(n + batch, to); i += 1) documents.push(lookupDocument(i));
    await collection.insertMany(documents, { ordered: false });
  }
}

async function findBenchmark() {
  return withServer(async ({ db, dbpath, pid }) => {
    const cases = db.collection('cases');
    await cases.createIndex({ ref: 1 });
    await fill(cases, 0, 10_000);
    await compactionFinished(dbpath);
    const small = await findLatency(cases, 10_000);
    const fillStart = process.hrtime.bigint();
    await fill(cases, 10_000, findDocuments);
    const fillSeconds = millisecondsSince(fillStart) / 1000;
    await compactionFinished(dbpath);
    const large = await findLatency(cases, findDocuments);
    return {
      at10000: small,
      [`at${findDocuments}`]: large,
      p50Ratio: round(large.p50 / small.p50, 2),
      p99Ratio: round(large.p99 / small.p99, 2),
      fillDocumentsPerSecond: Math.round((findDocuments - 10_000) / fillSeconds),
      serverMemory: residentMemory(pid),
    };
  });
}

async function startUpBenchmark() {
  return withServer(
    async ({ db, pid, startMs, prepared }) => {
      const memoryAtPing = residentMemory(pid);
      const last = await db.collection('feedback').findOne({ sequence: prepared.documents - 1 });
      if (!last) throw new Error('the last journalled document was not loaded');
      return {
        journalMiB: round(prepared.bytes / 1024 / 1024, 1),
        documents: prepared.documents,
        startToPingSeconds: round(startMs / 1000, 2),
        serverMemoryAtPing: memoryAtPing,
      };
    },
    (dbpath) => writeFeedbackJournal(dbpath, journalMegabytes),
  );
}

const results = { node: process.version };
results.inserts = [await insertBenchmark(1), await insertBenchmark(50)];
console.log(JSON.stringify(results, null, 2));
results.find = await findBenchmark();
console.log(JSON.stringify(results.find, null, 2));
results.startUp = await startUpBenchmark();
console.log(JSON.stringify(results, null, 2));
