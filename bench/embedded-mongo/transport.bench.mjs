// What the app's store costs over its private Unix domain socket against the TCP
// loopback port it used before: connecting, a find by _id, an acknowledged insert.
//
//   npx -y pnpm@10.34.9 exec tsc -b packages/embedded-mongo
//   node bench/embedded-mongo/transport.bench.mjs
//
// Both stores run as the app runs its own (a child process, journal on, fresh data
// directory), driven by the official driver; the two are measured in alternating
// rounds so a change in the machine's load falls on both. BENCH_ROUNDS (default 5).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { launchEmbeddedMongo } from '@coproduce/embedded-mongo';
import { millisecondsSince, summarise } from './latency-stats.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const TRANSPORTS = {
  'tcp 127.0.0.1': (dbpath) => launchEmbeddedMongo({ dbpath, port: 0 }),
  'private socket': (dbpath) => launchEmbeddedMongo({ dbpath }),
};

async function timed(samples, operation) {
  const start = process.hrtime.bigint();
  await operation();
  samples.push(millisecondsSince(start));
}

/** One round on one transport: 20 fresh connections, 2,000 finds, 1,000 inserts. */
async function round(launch, samples) {
  const dbpath = await mkdtemp(join(tmpdir(), 'embedded-mongo-transport-'));
  const server = await launch(dbpath);
  const client = await new MongoClient(server.uri).connect();
  try {
    const feedback = client.db('coproduce').collection('feedback');
    await feedback.insertMany(
      Array.from({ length: 1000 }, (_, n) => ({ _id: n, text: `note ${n}` })),
    );
    for (let n = 0; n < 20; n++) {
      await timed(samples.connect, async () => {
        const fresh = new MongoClient(server.uri);
        await fresh.db('admin').command({ ping: 1 });
        await fresh.close();
      });
    }
    for (let n = 0; n < 500; n++) await feedback.findOne({ _id: n % 1000 }); // warm-up
    for (let n = 0; n < 2000; n++)
      await timed(samples.find, () => feedback.findOne({ _id: n % 1000 }));
    for (let n = 0; n < 1000; n++) {
      await timed(samples.insert, () => feedback.insertOne({ text: `later note ${n}` }));
    }
  } finally {
    await client.close();
    await server.stop();
    await rm(dbpath, { recursive: true, force: true });
  }
}

const samples = Object.fromEntries(
  Object.keys(TRANSPORTS).map((name) => [name, { connect: [], find: [], insert: [] }]),
);
for (let n = 0; n < rounds; n++) {
  for (const [name, launch] of Object.entries(TRANSPORTS)) await round(launch, samples[name]);
}
const result = Object.fromEntries(
  Object.entries(samples).map(([name, figures]) => [
    name,
    {
      connectAndPingMs: summarise(figures.connect),
      findByIdMs: summarise(figures.find),
      acknowledgedInsertMs: summarise(figures.insert),
    },
  ]),
);
console.log(
  JSON.stringify({ rounds, loadAverage: (await import('node:os')).loadavg(), result }, null, 2),
);
