// What a specification's update log costs the embedded store, written as the app writes
// it: unordered bulk inserts of K small log entries ({specificationId, writer, seq}
// unique, the update's bytes, a date) with the app's write concern, one command in flight
// at a time (the app's group commit), spread over 20 specifications.
//
//   npx -y pnpm@10.34.9 exec tsc -b packages/embedded-mongo
//   node bench/embedded-mongo/log-append.bench.mjs
//
// For each K in BENCH_ENTRIES_PER_COMMAND (default 1,4,16): the store process's CPU per
// entry and per command (user + system time of every thread, from /proc/<pid>/stat) and
// the wall time per command, over BENCH_ENTRIES (default 12,000) entries, after a
// warm-up of the same size. Prints JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import { cpuSeconds } from '../collab/process-usage.mjs';
import { childPids } from './child-memory.mjs';
import { round } from './latency-stats.mjs';

const entriesPerCommand = (process.env.BENCH_ENTRIES_PER_COMMAND ?? '1,4,16')
  .split(',')
  .map(Number);
const entries = Number(process.env.BENCH_ENTRIES ?? 12_000);
const SPECIFICATIONS = 20;
const DURABLE = { w: 'majority', j: true };
/** A typical keystroke's Yjs update is a few dozen bytes. */
const UPDATE = Buffer.alloc(60, 7);
async function appendEntries(log, perCommand, total, seqs, specifications, writer) {
  for (let written = 0; written < total; written += perCommand) {
    const documents = Array.from({ length: perCommand }, (_, k) => {
      const index = (written + k) % SPECIFICATIONS;
      return {
        specificationId: specifications[index],
        writer,
        seq: ++seqs[index],
        update: UPDATE,
        createdAt: new Date(),
      };
    });
    await log.bulkWrite(
      documents.map((document) => ({ insertOne: { document } })),
      { ordered: false, writeConcern: DURABLE },
    );
  }
}

const dbpath = await mkdtemp(join(tmpdir(), 'embedded-mongo-log-bench-'));
const before = new Set(childPids());
const server = await launchEmbeddedMongo({ dbpath });
const pid = childPids().find((candidate) => !before.has(candidate));
const client = new MongoClient(server.uri);
const results = [];
try {
  const log = client.db('coproduce').collection('specificationupdates');
  await log.createIndex({ specificationId: 1, writer: 1, seq: 1 }, { unique: true });
  const specifications = Array.from({ length: SPECIFICATIONS }, () => new ObjectId().toHexString());
  for (const perCommand of entriesPerCommand) {
    const writer = new ObjectId().toHexString();
    const seqs = new Array(SPECIFICATIONS).fill(0);
    await appendEntries(log, perCommand, entries, seqs, specifications, writer);
    const cpuBefore = cpuSeconds(pid);
    const start = performance.now();
    await appendEntries(log, perCommand, entries, seqs, specifications, writer);
    const wallMs = performance.now() - start;
    const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
    const commands = entries / perCommand;
    results.push({
      entriesPerCommand: perCommand,
      entries,
      storeCpuMsPerEntry: round(cpuMs / entries, 3),
      storeCpuMsPerCommand: round(cpuMs / commands, 3),
      wallMsPerCommand: round(wallMs / commands, 3),
    });
  }
} finally {
  await client.close();
  await server.stop();
  await rm(dbpath, { recursive: true, force: true });
}
console.log(
  JSON.stringify({ startedAt: new Date().toISOString(), node: process.version, results }, null, 2),
);
