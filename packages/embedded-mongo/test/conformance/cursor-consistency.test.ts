import { MongoServerError, type Document } from 'mongodb';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

/**
 * An open cursor while the collection changes underneath it: no errors, no
 * duplicates, no document deleted before its batch was fetched, and a cursor
 * whose collection is dropped fails the way MongoDB fails it.
 */
const ctx = useConformanceTarget('cursor_consistency');

type Numbered = Document & { _id: number };

describe('cursors over a changing collection', () => {
  test('deletes, inserts and updates between batches never break an _id-ordered cursor', async () => {
    const collection = ctx.db.collection<Numbered>('changing');
    await collection.insertMany(Array.from({ length: 1_000 }, (_, i) => ({ _id: i * 2, v: 0 })));
    const cursor = collection.find({}).sort({ _id: 1 }).batchSize(25);
    const seen: number[] = [];
    const deletedAhead = new Set<number>();
    let batch = 0;
    for await (const doc of cursor) {
      seen.push(doc._id);
      if (seen.length % 25 !== 0) continue;
      // Between batches: delete some documents not yet returned, insert new ones, update others.
      batch++;
      const ahead = doc._id + 100 + batch * 2;
      if (ahead < 2_000 && ahead % 2 === 0) {
        await collection.deleteOne({ _id: ahead });
        deletedAhead.add(ahead);
      }
      await collection.insertOne({ _id: doc._id + 1, v: 1 });
      await collection.updateMany({ _id: { $gt: doc._id } }, { $inc: { v: 1 } });
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of deletedAhead) expect(seen).not.toContain(id);
    const original = Array.from({ length: 1_000 }, (_, i) => i * 2).filter(
      (id) => !deletedAhead.has(id),
    );
    for (const id of original) expect(seen).toContain(id);
    const sorted = [...seen].sort((a, b) => a - b);
    expect(seen).toEqual(sorted);
  });

  test('getMore after the collection is dropped fails with QueryPlanKilled (175)', async () => {
    const collection = ctx.db.collection<Numbered>('dropped_under_cursor');
    await collection.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i })));
    const first = await ctx.db.command({ find: 'dropped_under_cursor', batchSize: 5 });
    const cursorId = (first.cursor as Document).id;
    await collection.drop();
    const error = await refusalOf(
      ctx.db.command({ getMore: cursorId, collection: 'dropped_under_cursor', batchSize: 5 }),
    );
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 175, codeName: 'QueryPlanKilled' });
    expect((error as MongoServerError).message).toContain('collection dropped');
  });

  test('getMore naming another collection than the cursor’s is refused (13) and the cursor survives', async () => {
    const collection = ctx.db.collection<Numbered>('cursor_owner');
    await collection.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i })));
    const first = await ctx.db.command({ find: 'cursor_owner', batchSize: 5, sort: { _id: 1 } });
    const cursorId = (first.cursor as Document).id;
    const error = await refusalOf(
      ctx.db.command({ getMore: cursorId, collection: 'someone_elses', batchSize: 5 }),
    );
    expect(error).toMatchObject({ code: 13 });
    const next = await ctx.db.command({
      getMore: cursorId,
      collection: 'cursor_owner',
      batchSize: 5,
    });
    expect(((next.cursor as Document).nextBatch as Numbered[]).map((doc) => doc._id)).toEqual([
      5, 6, 7, 8, 9,
    ]);
    await ctx.db.command({ killCursors: 'cursor_owner', cursors: [cursorId] });
  });
});
