import type { Document, MongoClient } from 'mongodb';
import { connectDriver, useConformanceTarget } from '../support/target';

/**
 * Single-document operations are atomic on MongoDB, whatever the number of
 * clients. The app relies on it (counters, claiming work, one membership per
 * person), so it is checked with several real connections at once.
 */
const ctx = useConformanceTarget('concurrency');

const clientCount = 8;
let clients: MongoClient[] = [];

beforeAll(async () => {
  clients = await Promise.all(
    Array.from({ length: clientCount }, () => connectDriver(ctx.target.uri, { maxPoolSize: 4 })),
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

function collectionFor(client: MongoClient, name: string) {
  return client.db(ctx.target.dbName).collection<Document & { _id: string | number }>(name);
}

describe('concurrent single-document operations', () => {
  test('concurrent $inc on one document loses no increment', async () => {
    await ctx.db.collection<{ _id: string; count: number }>('counters').insertOne({
      _id: 'feedback',
      count: 0,
    });
    const perClient = 60;
    await Promise.all(
      clients.map(async (client) => {
        const counters = collectionFor(client, 'counters');
        await Promise.all(
          Array.from({ length: perClient }, () =>
            counters.updateOne({ _id: 'feedback' }, { $inc: { count: 1 } }),
          ),
        );
      }),
    );
    expect(
      (
        await ctx.db
          .collection<{ _id: string; count: number }>('counters')
          .findOne({ _id: 'feedback' })
      )?.count,
    ).toBe(clientCount * perClient);
  });

  test('findOneAndUpdate claims each piece of work exactly once', async () => {
    const tasks = Array.from({ length: 200 }, (_, i) => ({ _id: i, status: 'queued' }));
    await ctx.db.collection<{ _id: number; status: string }>('tasks').insertMany(tasks);
    const claimed: number[][] = await Promise.all(
      clients.map(async (client, worker) => {
        const mine: number[] = [];
        const queue = collectionFor(client, 'tasks');
        for (;;) {
          const task = await queue.findOneAndUpdate(
            { status: 'queued' },
            { $set: { status: 'claimed', worker } },
            { sort: { _id: 1 }, returnDocument: 'after' },
          );
          if (task === null) return mine;
          mine.push(task._id as number);
        }
      }),
    );
    const all = claimed.flat().sort((a, b) => a - b);
    expect(all).toEqual(tasks.map((task) => task._id));
    expect(await ctx.db.collection('tasks').countDocuments({ status: { $ne: 'claimed' } })).toBe(0);
  });

  test('concurrent upserts of the same key create exactly one document', async () => {
    await ctx.db
      .collection('memberships')
      .createIndex({ workspace: 1, email: 1 }, { unique: true });
    const results = await Promise.allSettled(
      clients.flatMap((client) =>
        Array.from({ length: 5 }, () =>
          collectionFor(client, 'memberships').updateOne(
            { workspace: 'w1', email: 'expert@demo.test' },
            { $inc: { joins: 1 }, $setOnInsert: { role: 'expert by experience' } },
            { upsert: true },
          ),
        ),
      ),
    );
    // MongoDB retries an upsert that lost the race on a unique equality match, so none fail.
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const stored = await ctx.db.collection('memberships').find({}).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ joins: clientCount * 5, role: 'expert by experience' });
  });

  test('concurrent inserts of the same unique value: exactly one succeeds', async () => {
    await ctx.db.collection('users').createIndex({ email: 1 }, { unique: true });
    const results = await Promise.allSettled(
      clients.map((client, i) =>
        collectionFor(client, 'users').insertOne({ _id: i, email: 'commissioner@demo.test' }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 11000 });
    }
    expect(await ctx.db.collection('users').countDocuments()).toBe(1);
  });

  test('readers never see a half-applied multi-field update', async () => {
    const ledger = ctx.db.collection<{ _id: string; debit: number; credit: number }>('ledger');
    await ledger.insertOne({ _id: 'budget', debit: 0, credit: 0 });
    let stop = false;
    const inconsistent: Document[] = [];
    const readers = clients.slice(0, 4).map(async (client) => {
      const view = collectionFor(client, 'ledger');
      while (!stop) {
        const doc = await view.findOne({ _id: 'budget' });
        if (doc && doc.debit !== doc.credit) inconsistent.push(doc);
      }
    });
    const writers = clients.slice(4).map(async (client) => {
      const book = collectionFor(client, 'ledger');
      for (let i = 0; i < 50; i++) {
        await book.updateOne({ _id: 'budget' }, { $inc: { debit: 5, credit: 5 } });
      }
    });
    await Promise.all(writers);
    stop = true;
    await Promise.all(readers);
    expect(inconsistent).toEqual([]);
    expect(await ledger.findOne({ _id: 'budget' })).toEqual({
      _id: 'budget',
      debit: 1000,
      credit: 1000,
    });
  });
});
