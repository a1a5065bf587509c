import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Collection, Document, MongoClient } from 'mongodb';
import { CliServer, assertCliIsBuilt } from './support/cli-server';
import { SeededRandom } from './support/seeded-random';
import { connectDriver, realMongoUri } from './support/target';

/**
 * Durability of the embedded store as a separate process: a write that was
 * acknowledged survives SIGKILL, a multi-document insert is all-or-nothing
 * (an embedded-store promise; a real MongoDB does not make it, so this file
 * is skipped when MONGODB_URI is set), and the data directory is guarded.
 */
const describeEmbeddedOnly = realMongoUri === undefined ? describe : describe.skip;

interface EngagementFeedback {
  _id: string;
  round: number;
  writer: number;
  batch: number;
  seq: number;
  batchSize: number;
  text: string;
}

interface BatchAttempt {
  round: number;
  writer: number;
  batch: number;
  size: number;
  acknowledged: boolean;
}

const writerCount = 4;
const rounds = 3;

function feedbackDocument(
  round: number,
  writer: number,
  batch: number,
  seq: number,
  size: number,
): EngagementFeedback {
  return {
    _id: `r${round}-w${writer}-b${batch}-s${seq}`,
    round,
    writer,
    batch,
    seq,
    batchSize: size,
    // Long enough that a torn record would cut through a document, and checkable.
    text: `feedback ${round}/${writer}/${batch}/${seq} `.repeat(12),
  };
}

function batchKey(round: number, writer: number, batch: number): string {
  return `${round}/${writer}/${batch}`;
}

/** Clients that fail fast once the server is gone, and never retry a write behind our back. */
function connectWriter(uri: string): Promise<MongoClient> {
  return connectDriver(uri, {
    retryWrites: false,
    retryReads: false,
    serverSelectionTimeoutMS: 1_500,
    connectTimeoutMS: 1_500,
    socketTimeoutMS: 10_000,
  });
}

async function writeUntilFailure(
  collection: Collection<EngagementFeedback>,
  round: number,
  writer: number,
  rng: SeededRandom,
  attempts: BatchAttempt[],
): Promise<void> {
  for (let batch = 0; ; batch++) {
    const size = rng.int(1, 25);
    const attempt: BatchAttempt = { round, writer, batch, size, acknowledged: false };
    attempts.push(attempt);
    const documents = Array.from({ length: size }, (_, seq) =>
      feedbackDocument(round, writer, batch, seq, size),
    );
    try {
      await collection.insertMany(documents, { ordered: true });
      attempt.acknowledged = true;
    } catch {
      return; // The server was killed; what reached the journal is checked after restart.
    }
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface StoredSpecification {
  _id: number;
  title?: string;
  stage?: string;
  edits?: number;
  reviewers?: string[];
}

/** Everything a client can see: databases, collections with options, indexes and documents. */
async function dumpState(client: MongoClient): Promise<Document> {
  const state: Document = {};
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  for (const { name } of databases) {
    if (['admin', 'config', 'local'].includes(name)) continue;
    const db = client.db(name);
    const collections = await db.listCollections().toArray();
    state[name] = {};
    for (const collection of collections.sort((a, b) => a.name.localeCompare(b.name))) {
      state[name][collection.name] = {
        options: (collection as Document).options,
        indexes: await db.collection(collection.name).listIndexes().toArray(),
        documents: await db.collection(collection.name).find({}).sort({ _id: 1 }).toArray(),
      };
    }
  }
  return state;
}

describeEmbeddedOnly('the embedded store as a process', () => {
  let dbpath: string;

  beforeAll(() => assertCliIsBuilt());

  beforeEach(async () => {
    dbpath = await mkdtemp(path.join(tmpdir(), 'embedded-mongo-crash-'));
  });

  afterEach(async () => {
    if (dbpath !== undefined) await rm(dbpath, { recursive: true, force: true });
  });

  test('SIGKILL during concurrent inserts: every acknowledged batch survives, and no batch is half there (3 rounds)', async () => {
    const rng = new SeededRandom(424242);
    const attempts: BatchAttempt[] = [];

    let server = await CliServer.start(dbpath);
    {
      const setup = await connectDriver(server.uri);
      await setup
        .db('coproduce')
        .collection('engagement_feedback')
        .createIndex({ round: 1, writer: 1, batch: 1, seq: 1 }, { unique: true });
      await setup.close();
    }

    for (let round = 0; round < rounds; round++) {
      const clients = await Promise.all(
        Array.from({ length: writerCount }, () => connectWriter(server.uri)),
      );
      const writing = clients.map((client, writer) =>
        writeUntilFailure(
          client.db('coproduce').collection<EngagementFeedback>('engagement_feedback'),
          round,
          writer,
          new SeededRandom(rng.int(0, 2 ** 31)),
          attempts,
        ),
      );
      // Kill mid-stream: after a good number of acknowledgements, at a varying moment.
      await waitFor(
        () => attempts.filter((a) => a.round === round && a.acknowledged).length >= 40,
        20_000,
      );
      await new Promise((resolve) => setTimeout(resolve, rng.int(0, 150)));
      const killed = await server.kill('SIGKILL');
      expect(killed.signal).toBe('SIGKILL');
      await Promise.all(writing);
      await Promise.all(clients.map((client) => client.close()));

      // A restart after SIGKILL must not be refused: the lock's owner is gone.
      server = await CliServer.start(dbpath);
      const reader = await connectDriver(server.uri);
      try {
        const stored = await reader
          .db('coproduce')
          .collection<EngagementFeedback>('engagement_feedback')
          .find({})
          .toArray();
        const attemptsByKey = new Map(
          attempts.map((a) => [batchKey(a.round, a.writer, a.batch), a]),
        );
        const presentByBatch = new Map<string, number>();
        const problems: string[] = [];
        for (const doc of stored) {
          const key = batchKey(doc.round, doc.writer, doc.batch);
          const attempt = attemptsByKey.get(key);
          if (attempt === undefined) {
            problems.push(`document ${doc._id} belongs to no batch that was sent`);
            continue;
          }
          const expected = feedbackDocument(
            doc.round,
            doc.writer,
            doc.batch,
            doc.seq,
            attempt.size,
          );
          if (JSON.stringify(doc) !== JSON.stringify(expected)) {
            problems.push(`document ${doc._id} is not what was written: ${JSON.stringify(doc)}`);
          }
          presentByBatch.set(key, (presentByBatch.get(key) ?? 0) + 1);
        }
        for (const attempt of attempts) {
          const key = batchKey(attempt.round, attempt.writer, attempt.batch);
          const present = presentByBatch.get(key) ?? 0;
          if (attempt.acknowledged && present !== attempt.size) {
            problems.push(`acknowledged batch ${key} has ${present} of ${attempt.size} documents`);
          }
          if (present !== 0 && present !== attempt.size) {
            problems.push(`batch ${key} is half-applied: ${present} of ${attempt.size} documents`);
          }
        }
        expect(problems).toEqual([]);
        const acknowledgedThisRound = attempts.filter((a) => a.round === round && a.acknowledged);
        expect(acknowledgedThisRound.length).toBeGreaterThanOrEqual(40);

        // The unique index came back with the data and still holds.
        const indexNames = (
          await reader.db('coproduce').collection('engagement_feedback').listIndexes().toArray()
        ).map((index) => index.name);
        expect(indexNames).toContain('round_1_writer_1_batch_1_seq_1');
        await expect(
          reader
            .db('coproduce')
            .collection<EngagementFeedback>('engagement_feedback')
            .insertOne({ ...stored[0], _id: `duplicate-${round}` }),
        ).rejects.toMatchObject({ code: 11000 });
      } finally {
        await reader.close();
      }
    }
    const stopped = await server.kill('SIGTERM');
    expect(stopped.code).toBe(0);
  }, 90_000);

  test('acknowledged updates and deletes survive SIGKILL; unacknowledged ones are whole or absent', async () => {
    let server = await CliServer.start(dbpath);
    {
      const setup = await connectDriver(server.uri);
      const counters = setup
        .db('coproduce')
        .collection<{ _id: number; count: number; log: number[] }>('counters');
      await counters.insertMany(
        Array.from({ length: 2_200 }, (_, i) => ({ _id: i, count: 0, log: [] })),
      );
      await setup.close();
    }
    const acknowledged = new Map<number, number>();
    const attempted = new Map<number, number>();
    const deletedAcknowledged = new Set<number>();
    const deleteAttempted = new Set<number>();
    let acknowledgements = 0;
    const clients = await Promise.all([0, 1, 2, 3].map(() => connectWriter(server.uri)));
    const writing = clients.map(async (client, writer) => {
      const counters = client
        .db('coproduce')
        .collection<{ _id: number; count: number; log: number[] }>('counters');
      for (let step = 0; ; step++) {
        try {
          if (step % 3 === 2) {
            const id = 1_000 + writer * 300 + step;
            deleteAttempted.add(id);
            await counters.deleteOne({ _id: id });
            deletedAcknowledged.add(id);
          } else {
            const id = writer * 50 + (step % 50);
            attempted.set(id, (attempted.get(id) ?? 0) + 1);
            // Two fields change together: the count and the log of steps.
            await counters.updateOne({ _id: id }, { $inc: { count: 1 }, $push: { log: step } });
            acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
          }
          acknowledgements++;
        } catch {
          return;
        }
      }
    });
    await waitFor(() => acknowledgements >= 400, 20_000);
    await server.kill('SIGKILL');
    await Promise.all(writing);
    await Promise.all(clients.map((client) => client.close()));

    server = await CliServer.start(dbpath);
    const reader = await connectDriver(server.uri);
    try {
      const stored = await reader
        .db('coproduce')
        .collection<{ _id: number; count: number; log: number[] }>('counters')
        .find({})
        .toArray();
      const byId = new Map(stored.map((doc) => [doc._id, doc]));
      const problems: string[] = [];
      for (const [id, tries] of attempted) {
        const doc = byId.get(id);
        const acked = acknowledged.get(id) ?? 0;
        if (doc === undefined) problems.push(`counter ${id} disappeared`);
        else if (doc.count < acked || doc.count > tries) {
          problems.push(`counter ${id} is ${doc.count}: ${acked} acknowledged, ${tries} attempted`);
        } else if (doc.log.length !== doc.count) {
          problems.push(`counter ${id} is half-updated: count ${doc.count}, log ${doc.log.length}`);
        }
      }
      for (const id of deletedAcknowledged) {
        if (byId.has(id)) problems.push(`acknowledged delete of ${id} came back`);
      }
      for (let id = 1_000; id < 2_200; id++) {
        if (!deleteAttempted.has(id) && !byId.has(id))
          problems.push(`${id} vanished without a delete`);
      }
      expect(problems).toEqual([]);
    } finally {
      await reader.close();
      await server.kill('SIGTERM');
    }
  }, 60_000);

  test('every kind of acknowledged change is replayed after SIGKILL', async () => {
    let server = await CliServer.start(dbpath);
    let client = await connectDriver(server.uri);
    const db = () => client.db('coproduce');
    const specifications = () => db().collection<StoredSpecification>('specifications');
    await specifications().insertMany(
      Array.from({ length: 20 }, (_, i) => ({
        _id: i,
        title: `Spec ${i}`,
        stage: 'plan',
        edits: 0,
      })),
    );
    await specifications().updateMany(
      { _id: { $lt: 10 } },
      { $set: { stage: 'do' }, $inc: { edits: 1 } },
    );
    await specifications().replaceOne({ _id: 3 }, { title: 'Replaced', stage: 'review' });
    await specifications().deleteOne({ _id: 4 });
    await specifications().deleteMany({ _id: { $gte: 15 } });
    await specifications().findOneAndUpdate({ _id: 5 }, { $set: { reviewers: ['expert'] } });
    await specifications().findOneAndDelete({ _id: 6 });
    await specifications().updateOne(
      { _id: 99 },
      { $setOnInsert: { title: 'Upserted' } },
      { upsert: true },
    );
    await specifications().bulkWrite([
      { insertOne: { document: { _id: 100, title: 'Bulk' } } },
      { updateOne: { filter: { _id: 100 }, update: { $set: { stage: 'plan' } } } },
      { deleteOne: { filter: { _id: 7 } } },
    ]);
    await specifications().createIndex({ title: 1 }, { unique: true });
    await specifications().createIndex({ stage: 1, edits: -1 });
    await specifications().createIndex({ reviewAt: 1 }, { expireAfterSeconds: 3600 });
    await specifications().createIndex({ scratch: 1 });
    await specifications().dropIndex('scratch_1');
    await db().createCollection('clarifications', {
      validator: { $jsonSchema: { required: ['question'] } },
    });
    await db()
      .collection('clarifications')
      .insertOne({ question: 'Which ages does the service cover?' });
    await db().collection('to_be_dropped').insertOne({ x: 1 });
    await db().collection('to_be_dropped').drop();
    await client.db('scratch').collection('temporary').insertOne({ x: 1 });
    await client.db('scratch').dropDatabase();

    const before = await dumpState(client);
    expect(Object.keys(before)).toEqual(['coproduce']);
    await client.close();
    await server.kill('SIGKILL');

    server = await CliServer.start(dbpath);
    client = await connectDriver(server.uri);
    try {
      expect(await dumpState(client)).toEqual(before);
      // The validator came back too.
      await expect(
        db().collection('clarifications').insertOne({ answer: 'x' }),
      ).rejects.toMatchObject({
        code: 121,
      });
    } finally {
      await client.close();
      await server.kill('SIGTERM');
    }
  }, 60_000);

  test.each([
    ['while the new snapshot is being written', false],
    ['just after the snapshot replaced the old journal', true],
  ])(
    'SIGKILL %s loses no acknowledged write',
    async (_moment, afterCompaction) => {
      const server = await CliServer.start(dbpath);
      const clients = await Promise.all([0, 1].map(() => connectWriter(server.uri)));
      const acknowledged: { writer: number; batch: number }[] = [];
      const body = 'k'.repeat(48 * 1024);
      let killing = false;
      const writing = clients.map(async (client, writer) => {
        const collection = client
          .db('coproduce')
          .collection<{ _id: string; writer: number; batch: number; seq: number; body: string }>(
            'published_versions',
          );
        for (let batch = 0; !killing; batch++) {
          const documents = Array.from({ length: 4 }, (_, seq) => ({
            _id: `w${writer}-b${batch}-s${seq}`,
            writer,
            batch,
            seq,
            body,
          }));
          try {
            await collection.insertMany(documents);
            acknowledged.push({ writer, batch });
          } catch {
            return;
          }
        }
      });

      // The store compacts once its journal passes 64 MiB. Bounded in time and in disk: a store that
      // never compacts must not fill the disk.
      const deadline = Date.now() + 60_000;
      const acknowledgedBytes = () => acknowledged.length * 4 * body.length;
      const writingSnapshot = async () =>
        (await readdir(dbpath)).some(
          (name) => name.startsWith('snapshot-') && name.endsWith('.tmp'),
        );
      let sawCompaction = false;
      while (Date.now() < deadline && acknowledgedBytes() < 200 * 1024 * 1024) {
        if (await writingSnapshot()) {
          sawCompaction = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (afterCompaction && sawCompaction) {
        // Let the snapshot land, then keep writing into the new journal for a moment before the kill.
        while (Date.now() < deadline && (await writingSnapshot())) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const landedAt = acknowledged.length;
        await waitFor(() => acknowledged.length >= landedAt + 20, 20_000);
      }
      killing = true;
      await server.kill('SIGKILL');
      await Promise.all(writing);
      await Promise.all(clients.map((client) => client.close()));
      expect(sawCompaction).toBe(true);

      const restarted = await CliServer.start(dbpath);
      const reader = await connectDriver(restarted.uri);
      try {
        const stored = await reader
          .db('coproduce')
          .collection('published_versions')
          .aggregate<{ _id: string; writer: number; batch: number; length: number }>([
            { $project: { writer: 1, batch: 1, length: { $strLenBytes: '$body' } } },
          ])
          .toArray();
        const present = new Map<string, number>();
        for (const doc of stored) {
          expect(doc.length).toBe(body.length);
          const key = `${doc.writer}/${doc.batch}`;
          present.set(key, (present.get(key) ?? 0) + 1);
        }
        const missing = acknowledged.filter(
          ({ writer, batch }) => present.get(`${writer}/${batch}`) !== 4,
        );
        expect(missing).toEqual([]);
        expect([...present.values()].filter((count) => count !== 4)).toEqual([]);
        // Enough was acknowledged to have crossed the compaction threshold.
        expect(acknowledged.length * 4 * body.length).toBeGreaterThan(60 * 1024 * 1024);
      } finally {
        await reader.close();
        await restarted.kill('SIGTERM');
      }
    },
    120_000,
  );

  test('a second server on the same data directory is refused with a clear message', async () => {
    const first = await CliServer.start(dbpath);
    try {
      const second = await CliServer.expectRefusal(dbpath);
      expect(second.signal).toBeNull();
      expect(second.code).not.toBe(0);
      expect(second.stdout).not.toContain('listening');
      expect(second.stderr).toContain(dbpath);
      expect(second.stderr).toMatch(/in use|locked/i);

      const client = await connectDriver(first.uri);
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await client.close();
    } finally {
      await first.kill('SIGTERM');
    }
  }, 40_000);

  test('unusable arguments are refused with a message and a non-zero exit, not a hang', async () => {
    const notADirectory = path.join(dbpath, 'a-file');
    await appendFile(notADirectory, 'not a directory');
    for (const args of [
      ['--port', '0', '--dbpath', notADirectory],
      ['--port', 'twenty', '--dbpath', dbpath],
      ['--port', '70000', '--dbpath', dbpath],
      ['--no-such-option'],
    ]) {
      const result = await CliServer.runToExit(args, 10_000);
      expect({ args, signal: result.signal }).toEqual({ args, signal: null });
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).not.toBe('');
      expect(result.stdout).not.toContain('listening');
    }
  }, 60_000);

  test('SIGTERM with clients still connected and a cursor open shuts down promptly and cleanly', async () => {
    const server = await CliServer.start(dbpath);
    const client = await connectDriver(server.uri);
    const idle = await connectDriver(server.uri);
    try {
      const collection = client.db('coproduce').collection<{ _id: number }>('open_cursor');
      await collection.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i })));
      const cursor = collection.find({}).batchSize(10);
      expect(await cursor.next()).not.toBeNull();
      const startedAt = Date.now();
      const stopped = await server.kill('SIGTERM');
      expect(stopped).toMatchObject({ code: 0, signal: null });
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    } finally {
      await client.close(true).catch(() => undefined);
      await idle.close(true).catch(() => undefined);
    }
    const restarted = await CliServer.start(dbpath);
    const reader = await connectDriver(restarted.uri);
    try {
      expect(await reader.db('coproduce').collection('open_cursor').countDocuments()).toBe(500);
    } finally {
      await reader.close();
      await restarted.kill('SIGTERM');
    }
  }, 40_000);

  test('data and indexes survive a clean SIGTERM restart', async () => {
    let server = await CliServer.start(dbpath);
    let client = await connectDriver(server.uri);
    const specifications = () => client.db('coproduce').collection('specifications');
    await specifications().createIndex({ workspace: 1, title: 1 }, { unique: true });
    await specifications().insertMany(
      Array.from({ length: 200 }, (_, i) => ({ workspace: `w${i % 3}`, title: `Spec ${i}`, n: i })),
    );
    await specifications().updateMany({ n: { $lt: 50 } }, { $set: { status: 'published' } });
    await specifications().deleteMany({ n: { $gte: 150 } });
    await client.close();

    const stopped = await server.kill('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.signal).toBeNull();

    server = await CliServer.start(dbpath);
    client = await connectDriver(server.uri);
    try {
      expect(await specifications().countDocuments()).toBe(150);
      expect(await specifications().countDocuments({ status: 'published' })).toBe(50);
      const names = (await specifications().listIndexes().toArray()).map((index) => index.name);
      expect(names).toEqual(['_id_', 'workspace_1_title_1']);
      await expect(
        specifications().insertOne({ workspace: 'w0', title: 'Spec 0' }),
      ).rejects.toMatchObject({ code: 11000 });
    } finally {
      await client.close();
      await server.kill('SIGTERM');
    }
  }, 40_000);

  test('a torn record at the end of the journal is dropped, and later writes still survive', async () => {
    let server = await CliServer.start(dbpath);
    let client = await connectDriver(server.uri);
    const events = () =>
      client.db('coproduce').collection<{ _id: number; kind: string }>('engagement_events');
    await events().insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, kind: 'drop-in' })));
    await client.close();
    await server.kill('SIGKILL');

    // What a crash in the middle of an append leaves behind: a partial record.
    const journals = (await readdir(dbpath))
      .filter((name) => /^journal-\d+\.log$/.test(name))
      .sort();
    expect(journals.length).toBeGreaterThan(0);
    await appendFile(
      path.join(dbpath, journals[journals.length - 1]),
      new SeededRandom(7).bytes(777),
    );

    server = await CliServer.start(dbpath);
    client = await connectDriver(server.uri);
    expect(await events().countDocuments()).toBe(30);
    // New writes must land where a reader will find them, not behind the garbage.
    await events().insertOne({ _id: 30, kind: 'interview' });
    await client.close();
    await server.kill('SIGKILL');

    server = await CliServer.start(dbpath);
    client = await connectDriver(server.uri);
    try {
      expect(await events().countDocuments()).toBe(31);
      expect(await events().findOne({ _id: 30 })).toEqual({ _id: 30, kind: 'interview' });
    } finally {
      await client.close();
      await server.kill('SIGTERM');
    }
  }, 40_000);
});
