import { MongoServerError, ObjectId, type Document, type UpdateFilter } from 'mongodb';
import { Schema } from 'mongoose';
import { useConformanceTarget } from '../support/target';
import { refusalOf } from '../support/refusal';

const ctx = useConformanceTarget('update_ops');

let collectionCounter = 0;

/**
 * Updates here are plain documents: the driver's typed UpdateFilter cannot
 * describe every operator shape these tests send, and the server is what is
 * under test.
 */
type Stored = Document & { _id: number };

function storedCollection(name: string) {
  return ctx.db.collection<Stored>(name);
}

/** Applies one update to one stored document and returns what MongoDB stored afterwards. */
async function afterUpdate(
  original: Document,
  update: Document | Document[],
  options: { arrayFilters?: Document[]; filter?: Document } = {},
): Promise<Document | null> {
  const collection = storedCollection(`update_${(collectionCounter += 1)}`);
  await collection.insertOne({ _id: 1, ...original });
  const result = await collection.updateOne(
    options.filter ?? { _id: 1 },
    update as UpdateFilter<Stored>,
    {
      arrayFilters: options.arrayFilters,
    },
  );
  expect(result.matchedCount).toBe(1);
  return collection.findOne({ _id: 1 });
}

async function updateError(original: Document, update: Document) {
  const collection = storedCollection(`update_${(collectionCounter += 1)}`);
  await collection.insertOne({ _id: 1, ...original });
  const error: unknown = await refusalOf(
    collection.updateOne({ _id: 1 }, update as UpdateFilter<Stored>),
  );
  // A failed update leaves the document exactly as it was.
  expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1, ...original });
  return error;
}

describe('field update operators', () => {
  test('$set replaces values, creates missing nested paths and sets array elements', async () => {
    expect(
      await afterUpdate(
        { title: 'Draft', venue: { town: 'Leeds' }, themes: ['a', 'b'] },
        { $set: { title: 'Final', 'venue.postcode': 'LS1', 'lead.name': 'Sam', 'themes.1': 'c' } },
      ),
    ).toEqual({
      _id: 1,
      title: 'Final',
      venue: { town: 'Leeds', postcode: 'LS1' },
      lead: { name: 'Sam' },
      themes: ['a', 'c'],
    });
  });

  test('$unset removes fields, nested fields, and leaves missing ones alone', async () => {
    expect(
      await afterUpdate(
        { title: 'Draft', venue: { town: 'Leeds', postcode: 'LS1' }, stage: 'plan' },
        { $unset: { stage: '', 'venue.postcode': 1, notThere: '' } },
      ),
    ).toEqual({ _id: 1, title: 'Draft', venue: { town: 'Leeds' } });
  });

  test('$unset on an array element sets it to null rather than shifting the array', async () => {
    expect(await afterUpdate({ themes: ['a', 'b', 'c'] }, { $unset: { 'themes.1': '' } })).toEqual({
      _id: 1,
      themes: ['a', null, 'c'],
    });
  });

  test('$inc adds to numbers, creates missing fields and accepts negatives', async () => {
    expect(
      await afterUpdate(
        { attendees: 10, score: 2.5 },
        { $inc: { attendees: -3, score: 0.5, 'counts.interviews': 4 } },
      ),
    ).toEqual({ _id: 1, attendees: 7, score: 3, counts: { interviews: 4 } });
  });

  test('$inc on a string is TypeMismatch (14) and changes nothing', async () => {
    const error = await updateError({ kind: 'drop-in' }, { $inc: { kind: 1 } });
    expect(error).toBeInstanceOf(MongoServerError);
    // Write errors carry index, code and errmsg only (no codeName).
    expect(error).toMatchObject({ code: 14 });
  });

  test('$mul multiplies, and a missing field becomes 0', async () => {
    expect(
      await afterUpdate({ budget: 1000, rate: 3 }, { $mul: { budget: 1.5, rate: 2, missing: 5 } }),
    ).toEqual({ _id: 1, budget: 1500, rate: 6, missing: 0 });
  });

  test('$min and $max replace only when the new value is lower or higher, dates included', async () => {
    const early = new Date('2025-01-01T00:00:00Z');
    const late = new Date('2026-06-30T00:00:00Z');
    const middle = new Date('2025-09-01T00:00:00Z');
    expect(
      await afterUpdate(
        { lowest: 5, highest: 5, firstSeen: middle, lastSeen: middle },
        {
          $min: { lowest: 3, firstSeen: early, absentMin: 9 },
          $max: { highest: 4, lastSeen: late, absentMax: 1 },
        },
      ),
    ).toEqual({
      _id: 1,
      lowest: 3,
      highest: 5,
      firstSeen: early,
      lastSeen: late,
      absentMin: 9,
      absentMax: 1,
    });
  });

  test('$rename moves top-level and nested fields and ignores missing ones', async () => {
    expect(
      await afterUpdate(
        { attendees: 12, venue: { town: 'Leeds' } },
        { $rename: { attendees: 'participants', 'venue.town': 'town', nope: 'other' } },
      ),
    ).toEqual({ _id: 1, participants: 12, venue: {}, town: 'Leeds' });
  });

  test('$setOnInsert does nothing when the update matches an existing document', async () => {
    const collection = storedCollection('set_on_insert_existing');
    await collection.insertOne({ _id: 1, status: 'draft' });
    const result = await collection.updateOne(
      { _id: 1 },
      { $setOnInsert: { status: 'published', createdBy: 'x' } },
      { upsert: true },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
    expect(await collection.findOne({ _id: 1 })).toEqual({ _id: 1, status: 'draft' });
  });

  test('$currentDate sets a server date', async () => {
    const before = Date.now();
    const stored = await afterUpdate(
      { title: 'Draft' },
      { $currentDate: { updatedAt: true, 'audit.at': { $type: 'date' } } },
    );
    const after = Date.now();
    expect(stored?.updatedAt).toBeInstanceOf(Date);
    expect(stored?.audit?.at).toBeInstanceOf(Date);
    // Allow a second of clock difference for a real server on another host.
    expect(stored?.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored?.updatedAt.getTime()).toBeLessThanOrEqual(after + 1000);
  });

  test('two operators on the same path are ConflictingUpdateOperators (40)', async () => {
    const error = await updateError(
      { attendees: 1 },
      { $set: { attendees: 5 }, $inc: { attendees: 1 } },
    );
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 40 });
  });
});

describe('array update operators', () => {
  test('$push appends one value and creates a missing array', async () => {
    expect(
      await afterUpdate({ themes: ['a'] }, { $push: { themes: 'b', notes: 'first note' } }),
    ).toEqual({ _id: 1, themes: ['a', 'b'], notes: ['first note'] });
  });

  test('$push with an array value pushes it as one element', async () => {
    expect(await afterUpdate({ scores: [1] }, { $push: { scores: [2, 3] } })).toEqual({
      _id: 1,
      scores: [1, [2, 3]],
    });
  });

  test('$push $each with $position inserts at the given index', async () => {
    expect(
      await afterUpdate({ scores: [2, 3] }, { $push: { scores: { $each: [5, 1], $position: 0 } } }),
    ).toEqual({ _id: 1, scores: [5, 1, 2, 3] });
    expect(
      await afterUpdate(
        { scores: [2, 3, 4] },
        { $push: { scores: { $each: [9], $position: -1 } } },
      ),
    ).toEqual({ _id: 1, scores: [2, 3, 9, 4] });
  });

  test('$push $each with $sort and $slice sorts the whole array and then trims it', async () => {
    expect(
      await afterUpdate(
        { scores: [5, 1, 2, 3] },
        { $push: { scores: { $each: [7, 4], $sort: 1, $slice: 3 } } },
      ),
    ).toEqual({ _id: 1, scores: [1, 2, 3] });
    expect(
      await afterUpdate({ scores: [5, 1, 2] }, { $push: { scores: { $each: [7], $slice: -2 } } }),
    ).toEqual({ _id: 1, scores: [2, 7] });
    expect(
      await afterUpdate({ scores: [5, 1, 2] }, { $push: { scores: { $each: [], $slice: 0 } } }),
    ).toEqual({ _id: 1, scores: [] });
  });

  test('$push $sort by a field of embedded documents', async () => {
    expect(
      await afterUpdate(
        { feedback: [{ theme: 'access', score: 2 }] },
        {
          $push: {
            feedback: {
              $each: [
                { theme: 'waiting', score: 5 },
                { theme: 'staff', score: 4 },
              ],
              $sort: { score: -1 },
              $slice: 2,
            },
          },
        },
      ),
    ).toEqual({
      _id: 1,
      feedback: [
        { theme: 'waiting', score: 5 },
        { theme: 'staff', score: 4 },
      ],
    });
  });

  test('$addToSet adds only values not already present', async () => {
    expect(
      await afterUpdate(
        { tags: ['autism', 'key worker'], roles: ['observer'] },
        {
          $addToSet: {
            tags: { $each: ['key worker', 'transition', 'transition'] },
            roles: 'observer',
          },
        },
      ),
    ).toEqual({ _id: 1, tags: ['autism', 'key worker', 'transition'], roles: ['observer'] });
  });

  test('$addToSet treats embedded documents as equal only with the same fields in the same order', async () => {
    expect(
      await afterUpdate(
        { members: [{ user: 'a', role: 'observer' }] },
        {
          $addToSet: {
            members: {
              $each: [
                { user: 'a', role: 'observer' },
                { role: 'observer', user: 'a' },
              ],
            },
          },
        },
      ),
    ).toEqual({
      _id: 1,
      members: [
        { user: 'a', role: 'observer' },
        { role: 'observer', user: 'a' },
      ],
    });
  });

  test('an $addToSet that adds nothing reports no modification', async () => {
    const collection = storedCollection('add_to_set_noop');
    await collection.insertOne({ _id: 1, tags: ['a'] });
    const result = await collection.updateOne({ _id: 1 }, { $addToSet: { tags: 'a' } });
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  test('$pull removes values matching a value or a condition', async () => {
    expect(
      await afterUpdate(
        {
          scores: [1, 6, 3, 8, 6],
          tags: ['a', 'b', 'a'],
          feedback: [
            { theme: 'access', score: 2 },
            { theme: 'staff', score: 4 },
            { theme: 'access', score: 5 },
          ],
        },
        {
          $pull: {
            scores: { $gte: 6 },
            tags: 'a',
            feedback: { theme: 'access', score: { $lt: 5 } },
          },
        },
      ),
    ).toEqual({
      _id: 1,
      scores: [1, 3],
      tags: ['b'],
      feedback: [
        { theme: 'staff', score: 4 },
        { theme: 'access', score: 5 },
      ],
    });
  });

  test('$pullAll removes every listed value', async () => {
    expect(
      await afterUpdate({ scores: [0, 2, 5, 5, 1, 0] }, { $pullAll: { scores: [0, 5] } }),
    ).toEqual({ _id: 1, scores: [2, 1] });
  });

  test('$pop removes the last (1) or first (-1) element', async () => {
    expect(
      await afterUpdate({ last: [1, 2, 3], first: [1, 2, 3] }, { $pop: { last: 1, first: -1 } }),
    ).toEqual({ _id: 1, last: [1, 2], first: [2, 3] });
  });

  test('positional $ updates the first element the query matched', async () => {
    expect(
      await afterUpdate(
        {
          feedback: [
            { theme: 'staff', linked: false },
            { theme: 'access', linked: false },
            { theme: 'access', linked: false },
          ],
        },
        { $set: { 'feedback.$.linked': true } },
        { filter: { _id: 1, 'feedback.theme': 'access' } },
      ),
    ).toEqual({
      _id: 1,
      feedback: [
        { theme: 'staff', linked: false },
        { theme: 'access', linked: true },
        { theme: 'access', linked: false },
      ],
    });
    expect(
      await afterUpdate(
        { grades: [80, 85, 90] },
        { $set: { 'grades.$': 82 } },
        { filter: { _id: 1, grades: 85 } },
      ),
    ).toEqual({ _id: 1, grades: [80, 82, 90] });
  });

  test('$[] updates every element', async () => {
    expect(
      await afterUpdate(
        { scores: [1, 2, 3], feedback: [{ seen: false }, { seen: false }] },
        { $inc: { 'scores.$[]': 10 }, $set: { 'feedback.$[].seen': true } },
      ),
    ).toEqual({ _id: 1, scores: [11, 12, 13], feedback: [{ seen: true }, { seen: true }] });
  });

  test('$[identifier] updates the elements matched by arrayFilters', async () => {
    expect(
      await afterUpdate(
        {
          feedback: [
            { theme: 'access', score: 1, status: 'new' },
            { theme: 'staff', score: 4, status: 'new' },
            { theme: 'access', score: 2, status: 'new' },
          ],
          grades: [95, 100, 102],
        },
        { $set: { 'feedback.$[low].status': 'reviewed', 'grades.$[g]': 100 } },
        { arrayFilters: [{ 'low.score': { $lt: 3 } }, { g: { $gte: 100 } }] },
      ),
    ).toEqual({
      _id: 1,
      feedback: [
        { theme: 'access', score: 1, status: 'reviewed' },
        { theme: 'staff', score: 4, status: 'new' },
        { theme: 'access', score: 2, status: 'reviewed' },
      ],
      grades: [95, 100, 100],
    });
  });

  test('nested $[] and $[identifier] reach into arrays of arrays of documents', async () => {
    expect(
      await afterUpdate(
        {
          sessions: [{ notes: [{ n: 1 }, { n: 5 }] }, { notes: [{ n: 7 }, { n: 2 }] }],
        },
        { $inc: { 'sessions.$[].notes.$[big].n': 100 } },
        { arrayFilters: [{ 'big.n': { $gt: 4 } }] },
      ),
    ).toEqual({
      _id: 1,
      sessions: [{ notes: [{ n: 1 }, { n: 105 }] }, { notes: [{ n: 107 }, { n: 2 }] }],
    });
  });
});

describe('pipeline updates', () => {
  test('an aggregation pipeline computes new fields from existing ones and $unset removes others', async () => {
    const before = Date.now();
    const stored = await afterUpdate({ pilotBudget: 200, yearOneBudget: 450, scratch: true }, [
      { $set: { totalBudget: { $add: ['$pilotBudget', '$yearOneBudget'] }, reviewedAt: '$$NOW' } },
      { $unset: ['scratch'] },
    ]);
    expect(stored).toMatchObject({
      _id: 1,
      pilotBudget: 200,
      yearOneBudget: 450,
      totalBudget: 650,
    });
    expect(stored).not.toHaveProperty('scratch');
    expect(stored?.reviewedAt).toBeInstanceOf(Date);
    expect(stored?.reviewedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  test('$replaceWith in a pipeline update keeps the _id', async () => {
    expect(
      await afterUpdate({ draft: { title: 'New', status: 'draft' }, old: 1 }, [
        { $replaceWith: '$draft' },
      ]),
    ).toEqual({ _id: 1, title: 'New', status: 'draft' });
  });
});

describe('upserts', () => {
  test('an upsert inserts the query equality fields plus the update, and $setOnInsert', async () => {
    const collection = ctx.db.collection('upsert_query_fields');
    const invitedAt = new Date('2026-01-05T09:00:00Z');
    const result = await collection.updateOne(
      {
        email: 'carer@example.org',
        workspace: 'icb-key-worker',
        'profile.kind': 'parent',
        score: { $gt: 5 },
        $and: [{ tier: 2 }, { region: { $eq: 'north' } }],
      },
      { $set: { role: 'expert by experience' }, $setOnInsert: { invitedAt } },
      { upsert: true },
    );
    expect(result.matchedCount).toBe(0);
    expect(result.modifiedCount).toBe(0);
    expect(result.upsertedCount).toBe(1);
    expect(result.upsertedId).toBeInstanceOf(ObjectId);

    const stored = await collection.findOne({});
    expect(stored).toEqual({
      _id: result.upsertedId,
      email: 'carer@example.org',
      workspace: 'icb-key-worker',
      profile: { kind: 'parent' },
      tier: 2,
      region: 'north',
      role: 'expert by experience',
      invitedAt,
    });
    expect(Object.keys(stored ?? {})[0]).toBe('_id');

    const again = await collection.updateOne(
      { email: 'carer@example.org' },
      { $set: { role: 'expert by experience' }, $setOnInsert: { invitedAt: new Date() } },
      { upsert: true },
    );
    expect(again).toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
      upsertedCount: 0,
      upsertedId: null,
    });
    expect((await collection.findOne({}))?.invitedAt).toEqual(invitedAt);
  });

  test('an upsert keeps an _id given in the query', async () => {
    const collection = ctx.db.collection<{ _id: string; visits?: number }>('upsert_with_id');
    const result = await collection.updateOne(
      { _id: 'spec-42' },
      { $inc: { visits: 1 } },
      { upsert: true },
    );
    expect(result.upsertedId).toBe('spec-42');
    await collection.updateOne({ _id: 'spec-42' }, { $inc: { visits: 1 } }, { upsert: true });
    expect(await collection.find().toArray()).toEqual([{ _id: 'spec-42', visits: 2 }]);
  });

  test('replaceOne with upsert takes _id from the query', async () => {
    const collection = ctx.db.collection<{ _id: number; title?: string }>('upsert_replace');
    const result = await collection.replaceOne({ _id: 7 }, { title: 'Outcomes' }, { upsert: true });
    expect(result).toMatchObject({ upsertedCount: 1, upsertedId: 7, matchedCount: 0 });
    expect(await collection.findOne({ _id: 7 })).toEqual({ _id: 7, title: 'Outcomes' });
  });

  test('updateMany with upsert inserts a single document when nothing matches', async () => {
    const collection = ctx.db.collection('upsert_many');
    const result = await collection.updateMany(
      { stage: 'do' },
      { $set: { reviewed: true } },
      { upsert: true },
    );
    expect(result.upsertedCount).toBe(1);
    expect(await collection.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
      { stage: 'do', reviewed: true },
    ]);
  });

  test('a pipeline update can upsert', async () => {
    const collection = ctx.db.collection('upsert_pipeline');
    await collection.updateOne(
      { workspace: 'w1' },
      [{ $set: { count: { $add: [{ $ifNull: ['$count', 0] }, 1] } } }],
      { upsert: true },
    );
    await collection.updateOne(
      { workspace: 'w1' },
      [{ $set: { count: { $add: [{ $ifNull: ['$count', 0] }, 1] } } }],
      { upsert: true },
    );
    expect(await collection.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
      { workspace: 'w1', count: 2 },
    ]);
  });

  test('mongoose findOneAndUpdate with upsert and $setOnInsert returns the new document', async () => {
    const membershipSchema = new Schema({
      workspace: { type: String, required: true },
      email: { type: String, required: true },
      role: String,
      joinedAt: Date,
    });
    const Membership = ctx.mongoose.model('UpsertMembership', membershipSchema);
    const joinedAt = new Date('2026-02-01T10:00:00Z');
    const created = await Membership.findOneAndUpdate(
      { workspace: 'w1', email: 'steering@demo.test' },
      { $set: { role: 'steering member' }, $setOnInsert: { joinedAt } },
      { upsert: true, new: true },
    ).lean();
    expect(created).toMatchObject({
      workspace: 'w1',
      email: 'steering@demo.test',
      role: 'steering member',
      joinedAt,
    });
    const updated = await Membership.findOneAndUpdate(
      { workspace: 'w1', email: 'steering@demo.test' },
      { $set: { role: 'observer' }, $setOnInsert: { joinedAt: new Date() } },
      { upsert: true, new: true },
    ).lean();
    expect(updated?._id).toEqual(created?._id);
    expect(updated).toMatchObject({ role: 'observer', joinedAt });
    expect(await Membership.countDocuments()).toBe(1);
  });

  test('mongoose updateOne applies update operators through the model', async () => {
    const outcomeSchema = new Schema({
      name: String,
      target: Number,
      returns: [{ period: String, value: Number }],
      tags: [String],
    });
    const Outcome = ctx.mongoose.model('UpdateOperatorOutcome', outcomeSchema);
    const outcome = await Outcome.create({
      name: 'Named key worker',
      target: 90,
      returns: [{ period: '2026-Q1', value: 71 }],
      tags: ['how much'],
    });
    // A positional $set and a $push on the same array would conflict (code 40), so they are two updates.
    await Outcome.updateOne(
      { _id: outcome._id, 'returns.period': '2026-Q1' },
      { $set: { 'returns.$.value': 74 } },
    );
    await Outcome.updateOne(
      { _id: outcome._id },
      { $push: { returns: { period: '2026-Q2', value: 80 } }, $addToSet: { tags: 'how much' } },
    );
    const stored = await Outcome.findById(outcome._id).lean();
    expect(stored?.returns.map(({ period, value }) => ({ period, value }))).toEqual([
      { period: '2026-Q1', value: 74 },
      { period: '2026-Q2', value: 80 },
    ]);
    expect(stored?.tags).toEqual(['how much']);
  });
});
