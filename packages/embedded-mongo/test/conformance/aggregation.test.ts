import type { Document } from 'mongodb';
import { Schema, Types } from 'mongoose';
import { useConformanceTarget } from '../support/target';

const ctx = useConformanceTarget('aggregation');

type Numbered = Document & { _id: number };

const feedback: Numbered[] = [
  { _id: 1, eventId: 10, theme: 'access', score: 2, tags: ['transport', 'rural'] },
  { _id: 2, eventId: 10, theme: 'staff', score: 5, tags: ['kindness'] },
  { _id: 3, eventId: 11, theme: 'access', score: 3, tags: ['transport'] },
  { _id: 4, eventId: 12, theme: 'waiting', score: 1, tags: [] },
  { _id: 5, eventId: 11, theme: 'access', score: 4 },
  { _id: 6, eventId: 12, theme: 'staff', score: 4, tags: ['kindness', 'continuity'] },
];

const engagementEvents: Numbered[] = [
  { _id: 10, kind: 'drop-in', town: 'Leeds' },
  { _id: 11, kind: 'interview', town: 'Bradford' },
  { _id: 12, kind: 'market engagement', town: 'Leeds' },
  { _id: 13, kind: 'survey', town: 'York' },
];

beforeAll(async () => {
  await ctx.db.collection<Numbered>('feedback').insertMany(feedback);
  await ctx.db.collection<Numbered>('engagement_events').insertMany(engagementEvents);
});

function aggregate(pipeline: Document[], collection = 'feedback'): Promise<Document[]> {
  return ctx.db.collection(collection).aggregate(pipeline).toArray();
}

describe('aggregation stages', () => {
  test('$match, $sort, $skip, $limit and $project', async () => {
    expect(
      await aggregate([
        { $match: { score: { $gte: 2 } } },
        { $sort: { score: -1, _id: 1 } },
        { $skip: 1 },
        { $limit: 3 },
        { $project: { _id: 0, theme: 1, score: 1 } },
      ]),
    ).toEqual([
      { theme: 'access', score: 4 },
      { theme: 'staff', score: 4 },
      { theme: 'access', score: 3 },
    ]);
  });

  test('a $project of plain fields straight after $match (read narrowed) keeps the same answers', async () => {
    expect(
      await aggregate([
        { $match: { eventId: { $in: [10, 11] } } },
        { $project: { theme: 1, tags: 1 } },
        { $unwind: '$tags' },
        { $group: { _id: '$tags', count: { $sum: 1 }, themes: { $addToSet: '$theme' } } },
        { $sort: { _id: 1 } },
      ]),
    ).toEqual([
      { _id: 'kindness', count: 1, themes: ['staff'] },
      { _id: 'rural', count: 1, themes: ['access'] },
      { _id: 'transport', count: 2, themes: ['access'] },
    ]);
    expect(
      await aggregate([{ $project: { score: true } }, { $sort: { _id: 1 } }, { $limit: 2 }]),
    ).toEqual([
      { _id: 1, score: 2 },
      { _id: 2, score: 5 },
    ]);
    // Not only inclusions: computed, excluded and dotted fields are the pipeline's to work out.
    expect(
      await aggregate([
        { $match: { _id: 2 } },
        { $project: { _id: 0, theme: 1, double: { $multiply: ['$score', 2] } } },
      ]),
    ).toEqual([{ theme: 'staff', double: 10 }]);
  });

  test('$project computes expressions and renames fields', async () => {
    expect(
      await aggregate([
        { $match: { _id: 1 } },
        {
          $project: {
            theme: 1,
            scoreOutOfTen: { $multiply: ['$score', 2] },
            label: { $concat: ['$theme', ':', { $toString: '$score' }] },
            tagCount: { $size: '$tags' },
          },
        },
      ]),
    ).toEqual([{ _id: 1, theme: 'access', scoreOutOfTen: 4, label: 'access:2', tagCount: 2 }]);
  });

  test('$group with $sum, $avg, $push, $addToSet, $first, $min and $max', async () => {
    const groups = await aggregate([
      { $sort: { _id: 1 } },
      {
        $group: {
          _id: '$theme',
          count: { $sum: 1 },
          totalScore: { $sum: '$score' },
          averageScore: { $avg: '$score' },
          ids: { $push: '$_id' },
          events: { $addToSet: '$eventId' },
          firstId: { $first: '$_id' },
          lowest: { $min: '$score' },
          highest: { $max: '$score' },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(groups.map((group) => ({ ...group, events: [...group.events].sort() }))).toEqual([
      {
        _id: 'access',
        count: 3,
        totalScore: 9,
        averageScore: 3,
        ids: [1, 3, 5],
        events: [10, 11],
        firstId: 1,
        lowest: 2,
        highest: 4,
      },
      {
        _id: 'staff',
        count: 2,
        totalScore: 9,
        averageScore: 4.5,
        ids: [2, 6],
        events: [10, 12],
        firstId: 2,
        lowest: 4,
        highest: 5,
      },
      {
        _id: 'waiting',
        count: 1,
        totalScore: 1,
        averageScore: 1,
        ids: [4],
        events: [12],
        firstId: 4,
        lowest: 1,
        highest: 1,
      },
    ]);
  });

  test('$group by null totals the whole input; by a compound key groups on both', async () => {
    expect(
      await aggregate([{ $group: { _id: null, total: { $sum: '$score' }, n: { $sum: 1 } } }]),
    ).toEqual([{ _id: null, total: 19, n: 6 }]);
    expect(
      await aggregate([
        { $group: { _id: { event: '$eventId', theme: '$theme' }, n: { $sum: 1 } } },
        { $sort: { '_id.event': 1, '_id.theme': 1 } },
      ]),
    ).toEqual([
      { _id: { event: 10, theme: 'access' }, n: 1 },
      { _id: { event: 10, theme: 'staff' }, n: 1 },
      { _id: { event: 11, theme: 'access' }, n: 2 },
      { _id: { event: 12, theme: 'staff' }, n: 1 },
      { _id: { event: 12, theme: 'waiting' }, n: 1 },
    ]);
  });

  test('$sum ignores non-numeric values and $avg of nothing is null', async () => {
    expect(
      await aggregate([
        { $group: { _id: null, themes: { $sum: '$theme' }, missing: { $avg: '$nothing' } } },
      ]),
    ).toEqual([{ _id: null, themes: 0, missing: null }]);
  });

  test('$addFields and $set add fields and keep the rest', async () => {
    expect(
      await aggregate([
        { $match: { _id: 2 } },
        { $addFields: { positive: { $gte: ['$score', 4] } } },
        { $set: { 'meta.reviewed': true } },
      ]),
    ).toEqual([{ ...feedback[1], positive: true, meta: { reviewed: true } }]);
  });

  test('$unwind skips missing and empty arrays unless asked to keep them', async () => {
    const unwound = await aggregate([
      { $unwind: '$tags' },
      { $sort: { _id: 1, tags: 1 } },
      { $project: { _id: 1, tags: 1 } },
    ]);
    expect(unwound).toEqual([
      { _id: 1, tags: 'rural' },
      { _id: 1, tags: 'transport' },
      { _id: 2, tags: 'kindness' },
      { _id: 3, tags: 'transport' },
      { _id: 6, tags: 'continuity' },
      { _id: 6, tags: 'kindness' },
    ]);
    const kept = await aggregate([
      { $match: { _id: { $in: [1, 4, 5] } } },
      {
        $unwind: { path: '$tags', preserveNullAndEmptyArrays: true, includeArrayIndex: 'position' },
      },
      { $sort: { _id: 1, position: 1 } },
      { $project: { _id: 1, tags: 1, position: 1 } },
    ]);
    expect(kept).toEqual([
      { _id: 1, tags: 'transport', position: 0 },
      { _id: 1, tags: 'rural', position: 1 },
      { _id: 4, position: null },
      { _id: 5, position: null },
    ]);
  });

  test('$lookup joins by local and foreign field', async () => {
    const joined = await aggregate([
      { $match: { _id: { $in: [1, 3] } } },
      { $sort: { _id: 1 } },
      {
        $lookup: {
          from: 'engagement_events',
          localField: 'eventId',
          foreignField: '_id',
          as: 'event',
        },
      },
      { $project: { _id: 1, event: 1 } },
    ]);
    expect(joined).toEqual([
      { _id: 1, event: [engagementEvents[0]] },
      { _id: 3, event: [engagementEvents[1]] },
    ]);
  });

  test('$lookup from events to their feedback, with an unmatched event getting []', async () => {
    const joined = await aggregate(
      [
        { $sort: { _id: 1 } },
        {
          $lookup: { from: 'feedback', localField: '_id', foreignField: 'eventId', as: 'feedback' },
        },
        { $project: { _id: 1, feedbackIds: '$feedback._id' } },
      ],
      'engagement_events',
    );
    expect(joined.map((row) => ({ ...row, feedbackIds: [...row.feedbackIds].sort() }))).toEqual([
      { _id: 10, feedbackIds: [1, 2] },
      { _id: 11, feedbackIds: [3, 5] },
      { _id: 12, feedbackIds: [4, 6] },
      { _id: 13, feedbackIds: [] },
    ]);
  });

  test('$lookup with let and a pipeline', async () => {
    const joined = await aggregate(
      [
        { $match: { _id: 10 } },
        {
          $lookup: {
            from: 'feedback',
            let: { event: '$_id' },
            pipeline: [
              { $match: { $expr: { $eq: ['$eventId', '$$event'] } } },
              { $match: { score: { $gte: 3 } } },
              { $project: { _id: 0, theme: 1 } },
            ],
            as: 'positive',
          },
        },
      ],
      'engagement_events',
    );
    expect(joined).toEqual([{ ...engagementEvents[0], positive: [{ theme: 'staff' }] }]);
  });

  test('$count counts, and returns nothing for empty input', async () => {
    expect(
      await aggregate([{ $match: { theme: 'access' } }, { $count: 'accessFeedback' }]),
    ).toEqual([{ accessFeedback: 3 }]);
    expect(await aggregate([{ $match: { theme: 'none' } }, { $count: 'n' }])).toEqual([]);
  });

  test('$sortByCount groups and orders by count descending', async () => {
    expect(await aggregate([{ $sortByCount: '$theme' }])).toEqual([
      { _id: 'access', count: 3 },
      { _id: 'staff', count: 2 },
      { _id: 'waiting', count: 1 },
    ]);
  });

  test('$facet runs sub-pipelines over the same input', async () => {
    expect(
      await aggregate([
        { $match: { score: { $gte: 2 } } },
        {
          $facet: {
            total: [{ $count: 'n' }],
            byTheme: [{ $sortByCount: '$theme' }],
            topTwo: [{ $sort: { score: -1, _id: 1 } }, { $limit: 2 }, { $project: { _id: 1 } }],
          },
        },
      ]),
    ).toEqual([
      {
        total: [{ n: 5 }],
        byTheme: [
          { _id: 'access', count: 3 },
          { _id: 'staff', count: 2 },
        ],
        topTwo: [{ _id: 2 }, { _id: 5 }],
      },
    ]);
  });

  test('an aggregation on a collection that does not exist returns no documents', async () => {
    expect(await aggregate([{ $match: {} }], 'never_created')).toEqual([]);
  });

  test('mongoose Model.aggregate with ObjectIds', async () => {
    const Comment = ctx.mongoose.model(
      'AggregatedComment',
      new Schema({ specification: Schema.Types.ObjectId, resolved: Boolean }),
    );
    const specA = new Types.ObjectId();
    const specB = new Types.ObjectId();
    await Comment.insertMany([
      { specification: specA, resolved: false },
      { specification: specA, resolved: true },
      { specification: specA, resolved: false },
      { specification: specB, resolved: false },
    ]);
    const open = await Comment.aggregate<{ _id: Types.ObjectId; open: number }>([
      { $match: { resolved: false } },
      { $group: { _id: '$specification', open: { $sum: 1 } } },
      { $sort: { open: -1 } },
    ]);
    expect(open.map((row) => [row._id.toHexString(), row.open])).toEqual([
      [specA.toHexString(), 2],
      [specB.toHexString(), 1],
    ]);
  });
});
