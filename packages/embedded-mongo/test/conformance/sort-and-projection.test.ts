import { Long, MongoServerError, ObjectId, type Document } from 'mongodb';
import { Schema } from 'mongoose';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('sort_projection');

type Numbered = Document & { _id: number };

const stages = ['plan', 'do', 'review'] as const;

function specificationRows(): Numbered[] {
  return Array.from({ length: 20 }, (_, i) => ({
    _id: i,
    stage: stages[i % 3],
    priority: i % 4,
    title: `Specification ${String(i).padStart(2, '0')}`,
  }));
}

/** Simple binary string order, which is MongoDB's default (no collation). */
function compareBinary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

async function sortedIds(name: string, docs: Numbered[], sort: Document): Promise<number[]> {
  const collection = ctx.db.collection<Numbered>(name);
  await collection.insertMany(docs);
  return (await collection.find({}).sort(sort).toArray()).map((doc) => doc._id);
}

describe('sorting', () => {
  test('a multi-key sort with skip and limit returns the right page', async () => {
    const rows = specificationRows();
    const collection = ctx.db.collection<Numbered>('multi_key_sort');
    await collection.insertMany(rows);
    const expected = [...rows]
      .sort((a, b) => compareBinary(a.stage, b.stage) || b.priority - a.priority || a._id - b._id)
      .map((row) => row._id);

    const page = await collection
      .find({})
      .sort({ stage: 1, priority: -1, _id: 1 })
      .skip(3)
      .limit(5)
      .toArray();
    expect(page.map((row) => row._id)).toEqual(expected.slice(3, 8));

    const all = await collection.find({}).sort({ stage: 1, priority: -1, _id: 1 }).toArray();
    expect(all.map((row) => row._id)).toEqual(expected);

    expect(await collection.find({}).sort({ _id: 1 }).skip(25).toArray()).toEqual([]);
    const lastThree = await collection.find({}).sort({ _id: -1 }).limit(3).toArray();
    expect(lastThree.map((row) => row._id)).toEqual([19, 18, 17]);
  });

  test('values of different types sort in BSON order: null < numbers < strings < objects < arrays < ObjectId < booleans < dates', async () => {
    const objectId = new ObjectId('64b7f0c2a1b2c3d4e5f60718');
    const docs: Numbered[] = [
      { _id: 1, value: new Date('2026-01-01T00:00:00Z') },
      { _id: 2, value: true },
      { _id: 3, value: objectId },
      { _id: 4, value: { town: 'Leeds' } },
      { _id: 5, value: 'abc' },
      { _id: 6, value: 42 },
      { _id: 7, value: null },
      { _id: 8 },
      { _id: 9, value: -3.5 },
      { _id: 10, value: 'ABC' },
      { _id: 11, value: false },
      { _id: 12, value: new Date('2020-01-01T00:00:00Z') },
    ];
    // A missing field sorts as null; ties (7 and 8) fall back to _id.
    expect(await sortedIds('mixed_type_sort_asc', docs, { value: 1, _id: 1 })).toEqual([
      7, 8, 9, 6, 10, 5, 4, 3, 11, 2, 12, 1,
    ]);
    expect(await sortedIds('mixed_type_sort_desc', docs, { value: -1, _id: 1 })).toEqual([
      1, 12, 2, 11, 3, 4, 5, 10, 6, 9, 7, 8,
    ]);
  });

  test('an array sorts by its smallest element ascending and its largest descending; an empty array comes before null', async () => {
    const docs: Numbered[] = [
      { _id: 1, value: [1, 9] },
      { _id: 2, value: 5 },
      { _id: 3, value: [3, 4] },
      { _id: 4, value: [] },
      { _id: 5, value: null },
    ];
    expect(await sortedIds('array_sort_asc', docs, { value: 1, _id: 1 })).toEqual([4, 5, 1, 3, 2]);
    expect(await sortedIds('array_sort_desc', docs, { value: -1, _id: 1 })).toEqual([
      1, 2, 3, 5, 4,
    ]);
  });

  test('an array whose smallest element is an array sorts between objects and ObjectIds', async () => {
    const docs: Numbered[] = [
      { _id: 1, value: [[0]] },
      { _id: 2, value: { a: 1 } },
      { _id: 3, value: new ObjectId('64b7f0c2a1b2c3d4e5f60718') },
      { _id: 4, value: 'z' },
    ];
    expect(await sortedIds('nested_array_sort', docs, { value: 1 })).toEqual([4, 2, 1, 3]);
  });

  test('numbers of different BSON types compare by value', async () => {
    const docs: Numbered[] = [
      { _id: 1, value: Long.fromNumber(3) },
      { _id: 2, value: 2 },
      { _id: 3, value: 1.5 },
      { _id: 4, value: -1 },
      { _id: 5, value: 2.25 },
    ];
    expect(await sortedIds('numeric_sort', docs, { value: 1 })).toEqual([4, 3, 2, 5, 1]);
  });

  test('strings sort by bytes, not by locale', async () => {
    const words = ['apple', 'Zebra', 'Äpfel', 'zoo', 'Apple', 'äpfel', '10', '9'];
    const docs: Numbered[] = words.map((word, i) => ({ _id: i, word }));
    const ids = await sortedIds('binary_string_sort', docs, { word: 1 });
    expect(ids.map((id) => words[id])).toEqual([...words].sort(compareBinary));
  });

  test('sorting by a nested field and by a date', async () => {
    const docs: Numbered[] = [
      { _id: 1, venue: { town: 'York' }, heldOn: new Date('2026-03-01') },
      { _id: 2, venue: { town: 'Bradford' }, heldOn: new Date('2026-01-15') },
      { _id: 3, venue: { town: 'Leeds' }, heldOn: new Date('2026-02-10') },
    ];
    expect(await sortedIds('nested_sort', docs, { 'venue.town': 1 })).toEqual([2, 3, 1]);
    expect(await sortedIds('date_sort', docs, { heldOn: -1 })).toEqual([1, 3, 2]);
  });

  test('mongoose sort, skip, limit and select', async () => {
    const Specification = ctx.mongoose.model(
      'SortedSpecification',
      new Schema({ _id: Number, stage: String, priority: Number, title: String }),
    );
    await Specification.insertMany(specificationRows());
    const page = await Specification.find({ stage: { $ne: 'plan' } })
      .sort({ priority: 1, _id: -1 })
      .skip(2)
      .limit(4)
      .select('title -_id')
      .lean();
    const expected = specificationRows()
      .filter((row) => row.stage !== 'plan')
      .sort((a, b) => a.priority - b.priority || b._id - a._id)
      .slice(2, 6)
      .map((row) => ({ title: row.title }));
    expect(page).toEqual(expected);
  });
});

describe('projections', () => {
  const specification = {
    _id: 1,
    title: 'Key worker service',
    body: 'long text',
    venue: { town: 'Leeds', postcode: 'LS1 4AP' },
    feedback: [
      { theme: 'access', text: 'hard to reach', score: 2 },
      { theme: 'staff', text: 'kind', score: 5 },
    ],
  };

  async function projected(projection: Document): Promise<Document | null> {
    const collection = ctx.db.collection<Numbered>('projection_source');
    if ((await collection.countDocuments()) === 0) await collection.insertOne(specification);
    return collection.findOne({ _id: 1 }, { projection });
  }

  test('inclusion returns the listed fields and _id', async () => {
    expect(await projected({ title: 1 })).toEqual({ _id: 1, title: 'Key worker service' });
  });

  test('inclusion with _id: 0 drops _id', async () => {
    expect(await projected({ title: 1, _id: 0 })).toEqual({ title: 'Key worker service' });
  });

  test('_id: 1 alone returns only _id (what mongoose exists() asks for)', async () => {
    expect(await projected({ _id: 1 })).toEqual({ _id: 1 });
  });

  test('exclusion returns everything else, including nested exclusions', async () => {
    expect(await projected({ body: 0, 'venue.postcode': 0, feedback: 0 })).toEqual({
      _id: 1,
      title: 'Key worker service',
      venue: { town: 'Leeds' },
    });
  });

  test('_id: 0 alone excludes only _id', async () => {
    const { _id: _unused, ...withoutId } = specification;
    expect(await projected({ _id: 0 })).toEqual(withoutId);
  });

  test('nested inclusion keeps the parent object with only the listed children', async () => {
    expect(await projected({ 'venue.town': 1, _id: 0 })).toEqual({ venue: { town: 'Leeds' } });
  });

  test('a path through an array of documents projects each element', async () => {
    expect(await projected({ 'feedback.theme': 1, _id: 0 })).toEqual({
      feedback: [{ theme: 'access' }, { theme: 'staff' }],
    });
  });

  test('including a field that does not exist returns only _id', async () => {
    expect(await projected({ nothing: 1 })).toEqual({ _id: 1 });
  });

  test('inclusion keeps the stored field order, not the projection order', async () => {
    const doc = await projected({ venue: 1, title: 1 });
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'title', 'venue']);
  });

  test('$slice, $elemMatch and positional projections pick array elements', async () => {
    const collection = ctx.db.collection<Numbered>('array_projections');
    await collection.insertOne({
      _id: 1,
      title: 'Key worker service',
      scores: [5, 6, 7, 8],
      feedback: [
        { theme: 'access', score: 2 },
        { theme: 'staff', score: 5 },
        { theme: 'access', score: 4 },
      ],
    });
    const one = (projection: Document, filter: Document = { _id: 1 }) =>
      collection.findOne(filter, { projection });
    // $slice alone keeps every other field.
    expect(await one({ scores: { $slice: 2 } })).toEqual({
      _id: 1,
      title: 'Key worker service',
      scores: [5, 6],
      feedback: [
        { theme: 'access', score: 2 },
        { theme: 'staff', score: 5 },
        { theme: 'access', score: 4 },
      ],
    });
    expect(await one({ title: 1, scores: { $slice: -1 } })).toEqual({
      _id: 1,
      title: 'Key worker service',
      scores: [8],
    });
    expect(await one({ _id: 0, scores: { $slice: [1, 2] }, feedback: 0, title: 0 })).toEqual({
      scores: [6, 7],
    });
    expect(await one({ feedback: { $elemMatch: { theme: 'access', score: { $gt: 3 } } } })).toEqual(
      {
        _id: 1,
        feedback: [{ theme: 'access', score: 4 }],
      },
    );
    expect(await one({ 'feedback.$': 1 }, { _id: 1, 'feedback.theme': 'staff' })).toEqual({
      _id: 1,
      feedback: [{ theme: 'staff', score: 5 }],
    });
  });

  test('mixing inclusion and exclusion is refused with code 31254', async () => {
    const error: unknown = await refusalOf(projected({ title: 1, body: 0 }));
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 31254 });
  });

  test('find with a projection applies it to every document', async () => {
    const collection = ctx.db.collection<Numbered>('projection_many');
    await collection.insertMany([
      { _id: 1, title: 'a', secret: 'x' },
      { _id: 2, title: 'b', secret: 'y' },
    ]);
    expect(
      await collection
        .find({}, { projection: { secret: 0 } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([
      { _id: 1, title: 'a' },
      { _id: 2, title: 'b' },
    ]);
  });
});
