import { MongoServerError, type Document } from 'mongodb';
import { fieldNamesOf } from '../support/bson-elements';
import { refusalOf } from '../support/refusal';
import { knownGap } from '../support/known-gap';
import { useConformanceTarget } from '../support/target';

/**
 * More places where JavaScript and BSON disagree: JavaScript objects put
 * integer-like keys first, JavaScript compares strings by UTF-16 code unit
 * and counts astral characters twice, and dividing by zero gives Infinity.
 * MongoDB keeps field order, compares strings by UTF-8 byte, counts code
 * points and refuses to divide by zero.
 */
const ctx = useConformanceTarget('strings_keys');

type Numbered = Document & { _id: number };

/** Reads one document as raw BSON, so its field order is exactly what the server sent. */
async function rawDocument(collection: string, id: number): Promise<Buffer> {
  const raw: unknown = await ctx.db
    .collection<Numbered>(collection)
    .findOne({ _id: id }, { raw: true });
  if (!Buffer.isBuffer(raw)) throw new Error('expected raw BSON from findOne with raw: true');
  return raw;
}

describe('field order with integer-like names', () => {
  beforeAll(async () => {
    // A Map keeps insertion order when serialized; a plain object would not.
    const spend = new Map<string, unknown>([
      ['2026', 450],
      ['2025', 200],
      ['pilot', 50],
    ]);
    const document = new Map<string, unknown>([
      ['_id', 1],
      ['title', 'Key worker service'],
      ['2026', 'year one'],
      ['10', 'ten'],
      ['2', 'two'],
      ['spend', spend],
    ]);
    await ctx.db.collection('ordered_keys').insertOne(document as unknown as Document);
  });

  // Known gap: documents are JavaScript objects, which list integer-like keys first.
  knownGap('the stored order is the inserted order', async () => {
    const raw = await rawDocument('ordered_keys', 1);
    expect(fieldNamesOf(raw)).toEqual(['_id', 'title', '2026', '10', '2', 'spend']);
    expect(fieldNamesOf(raw, ['spend'])).toEqual(['2026', '2025', 'pilot']);
  });

  // Known gap: documents are JavaScript objects, which list integer-like keys first.
  knownGap('an update keeps the order and appends new fields', async () => {
    await ctx.db
      .collection<Numbered>('ordered_keys')
      .updateOne({ _id: 1 }, { $set: { title: 'Renamed', 'spend.2027': 470, zeta: true } });
    const raw = await rawDocument('ordered_keys', 1);
    expect(fieldNamesOf(raw)).toEqual(['_id', 'title', '2026', '10', '2', 'spend', 'zeta']);
    expect(fieldNamesOf(raw, ['spend'])).toEqual(['2026', '2025', 'pilot', '2027']);
  });
});

describe('strings are UTF-8', () => {
  const words = ['z', '\uff5e', '\u{1f600}', 'a'];

  beforeAll(async () => {
    await ctx.db
      .collection<Numbered>('words')
      .insertMany(words.map((word, i) => ({ _id: i, word })));
  });

  test('sorting and ranges compare UTF-8 bytes, so an emoji comes after U+FF5E', async () => {
    const sorted = await ctx.db.collection<Numbered>('words').find({}).sort({ word: 1 }).toArray();
    expect(sorted.map((doc) => doc.word)).toEqual(['a', 'z', '\uff5e', '\u{1f600}']);
    const above = await ctx.db
      .collection<Numbered>('words')
      .find({ word: { $gt: '\uff5e' } })
      .toArray();
    expect(above.map((doc) => doc.word)).toEqual(['\u{1f600}']);
  });

  test('code-point operators count an emoji once', async () => {
    const [result] = await ctx.db
      .collection('words')
      .aggregate([
        { $match: { _id: 0 } },
        {
          $project: {
            _id: 0,
            length: { $strLenCP: 'a\u{1f600}b' },
            bytes: { $strLenBytes: 'a\u{1f600}b' },
            index: { $indexOfCP: ['a\u{1f600}b', 'b'] },
            middle: { $substrCP: ['a\u{1f600}b', 1, 1] },
          },
        },
      ])
      .toArray();
    expect(result).toEqual({ length: 3, bytes: 6, index: 2, middle: '\u{1f600}' });
  });
});

describe('arithmetic that JavaScript would not refuse', () => {
  test('$divide by zero is refused (16608)', async () => {
    const error = await refusalOf(
      ctx.db
        .collection('words')
        .aggregate([{ $project: { x: { $divide: [1, 0] } } }])
        .toArray(),
    );
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 16608 });
  });

  test('$mod by zero is refused (16610)', async () => {
    const error = await refusalOf(
      ctx.db
        .collection('words')
        .aggregate([{ $project: { x: { $mod: [5, 0] } } }])
        .toArray(),
    );
    expect(error).toMatchObject({ code: 16610 });
  });
});
