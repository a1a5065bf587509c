// The storage layer on its own (no wire protocol, no engine): acknowledged
// journal appends/s and ack latency with 1 and 50 concurrent writers, the
// group-commit ratio, and the time to replay a ~1 GiB journal.
//
//   npx -y pnpm@10.34.9 exec tsc -b packages/embedded-mongo
//   node bench/embedded-mongo/storage.bench.mjs
//
// BENCH_JOURNAL_MB (default 1024) sizes the replayed journal; BENCH_DIR
// (default the OS temp dir) is where data directories are made and removed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStorage } from '@coproduce/embedded-mongo/dist/storage/file-storage.js';
import { feedbackDocument, writeFeedbackJournal } from './feedback-journal.mjs';
import { millisecondsSince, round, runConcurrently } from './latency-stats.mjs';

const journalMegabytes = Number(process.env.BENCH_JOURNAL_MB ?? 1024);
const workRoot = process.env.BENCH_DIR ?? tmpdir();

async function withDataDirectory(use) {
  const dbpath = await mkdtemp(join(workRoot, 'embedded-mongo-bench-'));
  try {
    return await use(dbpath);
  } finally {
    await rm(dbpath, { recursive: true, force: true });
  }
}

async function appendBenchmark(concurrency) {
  return withDataDirectory(async (dbpath) => {
    const storage = createFileStorage(dbpath, { log: () => undefined });
    await storage.open(() => undefined);
    const where = { db: 'coproduce', coll: 'feedback' };
    const result = await runConcurrently({
      concurrency,
      maxOperations: 50_000,
      maxMilliseconds: 10_000,
      operation: (sequence) =>
        storage.append([{ op: 'put', ...where, doc: feedbackDocument(sequence) }]),
    });
    const counters = storage.journalCounters();
    await storage.close();
    return { ...result, appendsPerDatasync: round(counters.appends / counters.datasyncs, 1) };
  });
}

async function replayBenchmark() {
  return withDataDirectory(async (dbpath) => {
    const generationStart = process.hrtime.bigint();
    const written = await writeFeedbackJournal(dbpath, journalMegabytes);
    const generationSeconds = millisecondsSince(generationStart) / 1000;
    const storage = createFileStorage(dbpath, { log: () => undefined });
    let entries = 0;
    const start = process.hrtime.bigint();
    await storage.open(() => {
      entries += 1;
    });
    const replayMs = millisecondsSince(start);
    await storage.close();
    return {
      journalMiB: round(written.bytes / 1024 / 1024, 1),
      documents: written.documents,
      generationSeconds: round(generationSeconds, 1),
      entriesReplayed: entries,
      replaySeconds: round(replayMs / 1000, 2),
      replayMiBPerSecond: round(written.bytes / 1024 / 1024 / (replayMs / 1000), 1),
    };
  });
}

const results = {
  node: process.version,
  appends: [await appendBenchmark(1), await appendBenchmark(50)],
  replay: await replayBenchmark(),
};
console.log(JSON.stringify(results, null, 2));
