import {
  Long,
  MongoServerError,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Document,
  type MongoClient,
} from 'mongodb';
import { Schema } from 'mongoose';
import { connectDriver, useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('cursors');

const feedbackCount = 2_500;
type Feedback = Document & { _id: number; seq: number; theme: string };

/** A client that records every command it sends and every reply, to count batches and getMores. */
async function monitoredClient(): Promise<{
  client: MongoClient;
  started: CommandStartedEvent[];
  succeeded: CommandSucceededEvent[];
}> {
  const client = await connectDriver(ctx.target.uri, { monitorCommands: true });
  const started: CommandStartedEvent[] = [];
  const succeeded: CommandSucceededEvent[] = [];
  client.on('commandStarted', (event) => started.push(event));
  client.on('commandSucceeded', (event) => succeeded.push(event));
  return { client, started, succeeded };
}

function batchLengths(events: CommandSucceededEvent[]): number[] {
  return events
    .filter(
      (event) =>
        event.commandName === 'find' ||
        event.commandName === 'getMore' ||
        event.commandName === 'aggregate',
    )
    .map((event) => {
      const cursor = (event.reply as Document).cursor as Document;
      return ((cursor.firstBatch ?? cursor.nextBatch) as unknown[]).length;
    });
}

beforeAll(async () => {
  // Seq runs backwards so natural order and sorted order differ.
  const feedback: Feedback[] = Array.from({ length: feedbackCount }, (_, i) => ({
    _id: i,
    seq: feedbackCount - i,
    theme: ['access', 'staff', 'waiting', 'transition', 'communication'][i % 5],
  }));
  await ctx.db.collection<Feedback>('feedback').insertMany(feedback);
});

describe('cursors across many batches', () => {
  test('find with batchSize 100 returns all 2,500 documents in batches of at most 100 through getMore', async () => {
    const { client, started, succeeded } = await monitoredClient();
    try {
      const cursor = client
        .db(ctx.target.dbName)
        .collection<Feedback>('feedback')
        .find({})
        .batchSize(100);
      const seen: number[] = [];
      for await (const doc of cursor) seen.push(doc._id);

      expect(seen).toHaveLength(feedbackCount);
      expect(new Set(seen).size).toBe(feedbackCount);
      const lengths = batchLengths(succeeded);
      expect(lengths.every((length) => length <= 100)).toBe(true);
      expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(feedbackCount);
      const getMores = started.filter((event) => event.commandName === 'getMore');
      // 24 full getMores; a server may need one more, empty, to discover the end.
      expect(getMores.length).toBeGreaterThanOrEqual(24);
      expect(getMores.length).toBeLessThanOrEqual(25);
      const lastReply = succeeded.filter((event) => event.commandName === 'getMore').at(-1);
      expect(Number(((lastReply?.reply as Document).cursor as Document).id)).toBe(0);
      // The driver does not need to kill a cursor the server already exhausted.
      expect(started.some((event) => event.commandName === 'killCursors')).toBe(false);
    } finally {
      await client.close();
    }
  });

  test('toArray with a sort returns every document in sorted order across batches', async () => {
    const docs = await ctx.db
      .collection<Feedback>('feedback')
      .find({})
      .sort({ seq: 1 })
      .batchSize(100)
      .toArray();
    expect(docs.map((doc) => doc.seq)).toEqual(
      Array.from({ length: feedbackCount }, (_, i) => i + 1),
    );
  });

  test('a filtered, sorted cursor with a limit stops at the limit and closes itself', async () => {
    const { client, started, succeeded } = await monitoredClient();
    try {
      const docs = await client
        .db(ctx.target.dbName)
        .collection<Feedback>('feedback')
        .find({ theme: 'staff' })
        .sort({ _id: -1 })
        .limit(250)
        .batchSize(100)
        .toArray();
      expect(docs).toHaveLength(250);
      expect(docs[0]._id).toBe(2496);
      expect(docs.at(-1)?._id).toBe(2496 - 249 * 5);
      expect(batchLengths(succeeded)).toEqual([100, 100, 50]);
      expect(started.filter((event) => event.commandName === 'getMore')).toHaveLength(2);
      expect(started.some((event) => event.commandName === 'killCursors')).toBe(false);
    } finally {
      await client.close();
    }
  });

  test('closing a cursor early sends killCursors, and the cursor is then gone', async () => {
    const { client, started, succeeded } = await monitoredClient();
    try {
      const db = client.db(ctx.target.dbName);
      const cursor = db.collection<Feedback>('feedback').find({}).batchSize(100);
      expect(await cursor.next()).not.toBeNull();
      const cursorId = cursor.id;
      expect(cursorId).toBeDefined();
      expect(Number(cursorId)).not.toBe(0);
      await cursor.close();

      const kill = started.find((event) => event.commandName === 'killCursors');
      expect(kill).toBeDefined();
      const killReply = succeeded.find((event) => event.commandName === 'killCursors')
        ?.reply as Document;
      expect((killReply.cursorsKilled as Long[]).map(Number)).toEqual([Number(cursorId)]);

      const error: unknown = await refusalOf(
        db.command({ getMore: cursorId, collection: 'feedback', batchSize: 10 }),
      );
      expect(error).toBeInstanceOf(MongoServerError);
      expect(error).toMatchObject({ code: 43, codeName: 'CursorNotFound' });
    } finally {
      await client.close();
    }
  });

  test('killCursors on an unknown cursor id reports it as not found', async () => {
    const reply = await ctx.db.command({
      killCursors: 'feedback',
      cursors: [Long.fromNumber(123456789)],
    });
    expect(reply.ok).toBe(1);
    expect((reply.cursorsNotFound as Long[]).map(Number)).toEqual([123456789]);
    expect(reply.cursorsKilled).toEqual([]);
  });

  test('hasNext and next walk a cursor to the end and then return null', async () => {
    const cursor = ctx.db
      .collection<Feedback>('feedback')
      .find({ _id: { $lt: 3 } })
      .sort({ _id: 1 })
      .batchSize(2);
    const ids: number[] = [];
    while (await cursor.hasNext()) ids.push((await cursor.next())?._id ?? -1);
    expect(ids).toEqual([0, 1, 2]);
    expect(await cursor.next()).toBeNull();
    await cursor.close();
  });

  test('an aggregation cursor also returns every document across getMore batches', async () => {
    const { client, started } = await monitoredClient();
    try {
      const docs = await client
        .db(ctx.target.dbName)
        .collection<Feedback>('feedback')
        .aggregate<{ seq: number }>([{ $sort: { seq: -1 } }, { $project: { _id: 0, seq: 1 } }], {
          batchSize: 100,
        })
        .toArray();
      expect(docs.map((doc) => doc.seq)).toEqual(
        Array.from({ length: feedbackCount }, (_, i) => feedbackCount - i),
      );
      expect(
        started.filter((event) => event.commandName === 'getMore').length,
      ).toBeGreaterThanOrEqual(24);
    } finally {
      await client.close();
    }
  });

  test('a mongoose query cursor streams every document', async () => {
    const FeedbackModel = ctx.mongoose.model(
      'CursorFeedback',
      new Schema({ _id: Number, seq: Number, theme: String }),
      'feedback',
    );
    let count = 0;
    let previousSeq = 0;
    let ordered = true;
    for await (const doc of FeedbackModel.find({}).sort({ seq: 1 }).cursor({ batchSize: 100 })) {
      count += 1;
      if ((doc.seq ?? 0) <= previousSeq) ordered = false;
      previousSeq = doc.seq ?? 0;
    }
    expect(count).toBe(feedbackCount);
    expect(ordered).toBe(true);
  });
});
