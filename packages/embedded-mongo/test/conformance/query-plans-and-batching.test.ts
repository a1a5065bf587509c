import type { CommandSucceededEvent, Document } from 'mongodb';
import { connectDriver, useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('plans');

const invitationCount = 5_000;
type Invitation = Document & { _id: number; code: string; workspace: string; tags: string[] };

beforeAll(async () => {
  const invitations: Invitation[] = Array.from({ length: invitationCount }, (_, i) => ({
    _id: i,
    code: `c-${String(i).padStart(5, '0')}`,
    workspace: `w${i % 50}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    tags: [`t${i % 7}`, `t${(i + 3) % 11}`],
    unindexed: i,
  }));
  const collection = ctx.db.collection<Invitation>('invitations');
  await collection.insertMany(invitations);
  await collection.createIndex({ code: 1 }, { unique: true });
  await collection.createIndex({ workspace: 1, createdAt: -1 });
  await collection.createIndex({ tags: 1 });
}, 30_000);

async function executionStats(filter: Document, sort?: Document, limit?: number) {
  let cursor = ctx.db.collection<Invitation>('invitations').find(filter);
  if (sort) cursor = cursor.sort(sort);
  if (limit) cursor = cursor.limit(limit);
  const explained = await cursor.explain('executionStats');
  return explained.executionStats as {
    nReturned: number;
    totalDocsExamined: number;
    totalKeysExamined: number;
  };
}

describe('queries on indexed fields read only what they return', () => {
  test('equality on a unique index examines one document', async () => {
    const stats = await executionStats({ code: 'c-04321' });
    expect(stats.nReturned).toBe(1);
    expect(stats.totalDocsExamined).toBe(1);
    expect(await executionStats({ code: 'c-99999' })).toMatchObject({
      nReturned: 0,
      totalDocsExamined: 0,
    });
  });

  test('a range on an indexed field examines only the documents in the range', async () => {
    const stats = await executionStats({ code: { $gte: 'c-01000', $lt: 'c-01005' } });
    expect(stats.nReturned).toBe(5);
    expect(stats.totalDocsExamined).toBe(5);
  });

  test('$in on an indexed field examines only the matches', async () => {
    const stats = await executionStats({ code: { $in: ['c-00001', 'c-00500', 'c-04999'] } });
    expect(stats).toMatchObject({ nReturned: 3, totalDocsExamined: 3 });
  });

  test('the prefix of a compound index serves an equality query', async () => {
    const stats = await executionStats({ workspace: 'w7' });
    expect(stats).toMatchObject({ nReturned: 100, totalDocsExamined: 100 });
  });

  test('a multikey index serves equality on an array element', async () => {
    const expected = await ctx.db.collection('invitations').countDocuments({ tags: 't5' });
    const stats = await executionStats({ tags: 't5' });
    expect(stats).toMatchObject({ nReturned: expected, totalDocsExamined: expected });
  });

  test('an unindexed field is a collection scan (so the counts above mean something)', async () => {
    const stats = await executionStats({ unindexed: 42 });
    expect(stats).toMatchObject({ nReturned: 1, totalDocsExamined: invitationCount });
  });

  test('a sort on an indexed field with a small limit reads only the limit through the index', async () => {
    const stats = await executionStats({}, { code: -1 }, 5);
    expect(stats).toMatchObject({ nReturned: 5, totalDocsExamined: 5 });
  });
});

describe('batch sizes chosen by the server', () => {
  test('without batchSize the first batch holds 101 documents and getMore returns the rest', async () => {
    const client = await connectDriver(ctx.target.uri, { monitorCommands: true });
    const succeeded: CommandSucceededEvent[] = [];
    client.on('commandSucceeded', (event) => succeeded.push(event));
    try {
      const docs = await client
        .db(ctx.target.dbName)
        .collection('invitations')
        .find({}, { projection: { _id: 1 } })
        .toArray();
      expect(docs).toHaveLength(invitationCount);
      const find = succeeded.find((event) => event.commandName === 'find');
      expect(((find?.reply as Document).cursor as Document).firstBatch).toHaveLength(101);
    } finally {
      await client.close();
    }
  });

  test('no reply batch exceeds 16 MiB of documents, even when documents are large', async () => {
    const large = ctx.db.collection<{ _id: number; text: string }>('large_documents');
    const oneMiB = 'p'.repeat(1024 * 1024);
    for (let i = 0; i < 24; i += 6) {
      await large.insertMany(Array.from({ length: 6 }, (_, j) => ({ _id: i + j, text: oneMiB })));
    }
    const client = await connectDriver(ctx.target.uri, { monitorCommands: true });
    const succeeded: CommandSucceededEvent[] = [];
    client.on('commandSucceeded', (event) => succeeded.push(event));
    try {
      const docs = await client
        .db(ctx.target.dbName)
        .collection('large_documents')
        .find({})
        .batchSize(1_000)
        .toArray();
      expect(docs).toHaveLength(24);
      const batches = succeeded
        .filter((event) => event.commandName === 'find' || event.commandName === 'getMore')
        .map((event) => {
          const cursor = (event.reply as Document).cursor as Document;
          return (cursor.firstBatch ?? cursor.nextBatch) as Document[];
        });
      expect(batches.length).toBeGreaterThan(1);
      for (const batch of batches) {
        const bytes = batch.reduce((sum, doc) => sum + (doc.text as string).length, 0);
        expect(bytes).toBeLessThanOrEqual(16 * 1024 * 1024);
      }
    } finally {
      await client.close();
    }
  }, 60_000);

  test('batchSize 0 opens a cursor with an empty first batch', async () => {
    const reply = await ctx.db.command({ find: 'invitations', filter: {}, batchSize: 0 });
    const cursor = reply.cursor as Document;
    expect(cursor.firstBatch).toEqual([]);
    expect(Number(cursor.id)).not.toBe(0);
    const more = await ctx.db.command({
      getMore: cursor.id,
      collection: 'invitations',
      batchSize: 3,
    });
    expect((more.cursor as Document).nextBatch).toHaveLength(3);
    await ctx.db.command({ killCursors: 'invitations', cursors: [cursor.id] });
  });

  test('singleBatch closes the cursor after the first batch', async () => {
    const reply = await ctx.db.command({
      find: 'invitations',
      filter: {},
      batchSize: 10,
      singleBatch: true,
    });
    const cursor = reply.cursor as Document;
    expect(cursor.firstBatch).toHaveLength(10);
    expect(Number(cursor.id)).toBe(0);
  });
});
