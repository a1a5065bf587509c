import type { Document } from 'mongodb';
import { fieldNamesOf } from '../support/bson-elements';
import { knownGap } from '../support/known-gap';
import { useConformanceTarget } from '../support/target';

/**
 * Field names that mean something to JavaScript (`__proto__`, `constructor`,
 * `toString`, ...) are ordinary field names to MongoDB. A server written in
 * JavaScript must neither lose them, nor see inherited properties as fields,
 * nor let a document change Object.prototype (in-process, that would be this
 * very test process).
 */
const ctx = useConformanceTarget('js_names');

type Numbered = Document & { _id: number };

afterEach(() => {
  // Nothing any test sent may have reached the shared prototype.
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('JavaScript property names as field names', () => {
  beforeAll(async () => {
    const evil = new Map<string, unknown>([
      ['_id', 1],
      ['__proto__', new Map([['polluted', true]])],
      ['constructor', 'a field called constructor'],
      ['title', 'Specification'],
    ]);
    await ctx.db.collection('js_names').insertOne(evil as unknown as Document);
    await ctx.db.collection<Numbered>('js_names').insertOne({ _id: 2, title: 'Plain' });
  });

  test('__proto__ and constructor are stored as fields, in order', async () => {
    const raw: unknown = await ctx.db
      .collection<Numbered>('js_names')
      .findOne({ _id: 1 }, { raw: true });
    if (!Buffer.isBuffer(raw)) throw new Error('expected raw BSON');
    expect(fieldNamesOf(raw)).toEqual(['_id', '__proto__', 'constructor', 'title']);
    expect(fieldNamesOf(raw, ['__proto__'])).toEqual(['polluted']);
  });

  // Known gap: mingo refuses `__proto__` paths, and `$set` sees the inherited `constructor`.
  knownGap('queries see those fields, and never inherited properties', async () => {
    const ids = async (filter: Document) =>
      (await ctx.db.collection<Numbered>('js_names').find(filter).sort({ _id: 1 }).toArray()).map(
        (doc) => doc._id,
      );
    expect(await ids({ '__proto__.polluted': true })).toEqual([1]);
    expect(await ids({ constructor: { $exists: true } })).toEqual([1]);
    expect(await ids({ toString: { $exists: true } })).toEqual([]);
    expect(await ids({ hasOwnProperty: { $exists: true } })).toEqual([]);
    expect(await ids({ 'title.length': { $exists: true } })).toEqual([]);
  });

  // Known gap: mingo refuses `__proto__` paths, and `$set` sees the inherited `constructor`.
  knownGap('updates through __proto__ paths change the document only', async () => {
    const collection = ctx.db.collection<Numbered>('js_names');
    await collection.updateOne(
      { _id: 2 },
      { $set: { '__proto__.polluted': 'yes', 'constructor.prototype.polluted': 'yes' } },
    );
    const raw: unknown = await collection.findOne({ _id: 2 }, { raw: true });
    if (!Buffer.isBuffer(raw)) throw new Error('expected raw BSON');
    expect(fieldNamesOf(raw)).toEqual(['_id', 'title', '__proto__', 'constructor']);
    expect(fieldNamesOf(raw, ['constructor'])).toEqual(['prototype']);
    expect(await collection.countDocuments({ '__proto__.polluted': 'yes' })).toBe(1);
  });

  // Known gap: mingo refuses `__proto__` paths, and `$set` sees the inherited `constructor`.
  knownGap('aggregation over such fields groups and projects them like any other', async () => {
    const rows = await ctx.db
      .collection('js_names')
      .aggregate([
        { $match: { _id: 1 } },
        { $project: { _id: 0, value: '$constructor', flag: '$__proto__.polluted' } },
      ])
      .toArray();
    expect(rows).toEqual([{ value: 'a field called constructor', flag: true }]);
  });
});
