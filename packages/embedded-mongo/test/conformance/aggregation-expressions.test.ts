import type { Document } from 'mongodb';
import { useConformanceTarget } from '../support/target';

/** Expressions a commissioning dashboard reaches for: dates, arrays, strings, rounding, buckets. */
const ctx = useConformanceTarget('agg_expr');

type Numbered = Document & { _id: number };

const returns: Numbered[] = [
  {
    _id: 1,
    measure: 'Named key worker',
    submittedAt: new Date('2026-06-30T23:30:00Z'),
    scores: [72, 85, 91],
    attendees: 4,
    lead: { name: 'Sam', team: 'ICB' },
    note: 'naïve, first',
  },
  {
    _id: 2,
    measure: 'Readmissions',
    submittedAt: new Date('2026-01-15T09:00:00Z'),
    scores: [60],
    attendees: 35,
    lead: null,
    note: null,
  },
  {
    _id: 3,
    measure: 'Personal budgets',
    submittedAt: new Date('2026-03-31T12:00:00Z'),
    scores: [],
    attendees: 120,
    lead: { name: 'Ali', team: 'LA' },
  },
  {
    _id: 4,
    measure: 'Satisfaction',
    submittedAt: new Date('2026-06-01T00:00:00Z'),
    scores: [88, 79],
    attendees: 500,
  },
];

beforeAll(async () => {
  await ctx.db.collection<Numbered>('returns').insertMany(returns);
});

async function project(id: number, fields: Document): Promise<Document> {
  const [doc] = await ctx.db
    .collection('returns')
    .aggregate([{ $match: { _id: id } }, { $project: { _id: 0, ...fields } }])
    .toArray();
  return doc;
}

describe('aggregation expressions', () => {
  test('dates: parts, formatting in a time zone, and arithmetic', async () => {
    expect(
      await project(1, {
        year: { $year: '$submittedAt' },
        month: { $month: '$submittedAt' },
        utcDay: { $dateToString: { format: '%Y-%m-%d', date: '$submittedAt' } },
        londonDay: {
          $dateToString: {
            format: '%Y-%m-%d %H:%M',
            date: '$submittedAt',
            timezone: 'Europe/London',
          },
        },
        nextDay: { $add: ['$submittedAt', 24 * 60 * 60 * 1000] },
        sinceMidnight: { $subtract: ['$submittedAt', new Date('2026-06-30T00:00:00Z')] },
      }),
    ).toEqual({
      year: 2026,
      month: 6,
      utcDay: '2026-06-30',
      londonDay: '2026-07-01 00:30',
      nextDay: new Date('2026-07-01T23:30:00Z'),
      sinceMidnight: 23.5 * 60 * 60 * 1000,
    });
  });

  test('grouping by month string counts returns per month', async () => {
    const months = await ctx.db
      .collection('returns')
      .aggregate([
        {
          $group: {
            _id: { $dateToString: { format: '%Y-%m', date: '$submittedAt' } },
            count: { $sum: 1 },
            latest: { $max: '$submittedAt' },
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(months).toEqual([
      { _id: '2026-01', count: 1, latest: new Date('2026-01-15T09:00:00Z') },
      { _id: '2026-03', count: 1, latest: new Date('2026-03-31T12:00:00Z') },
      { _id: '2026-06', count: 2, latest: new Date('2026-06-30T23:30:00Z') },
    ]);
  });

  test('arrays: $filter, $map, $reduce, $size, $arrayElemAt, $slice, $in, $concatArrays', async () => {
    expect(
      await project(1, {
        high: { $filter: { input: '$scores', as: 's', cond: { $gte: ['$$s', 80] } } },
        tenfold: { $map: { input: '$scores', as: 's', in: { $multiply: ['$$s', 10] } } },
        total: {
          $reduce: { input: '$scores', initialValue: 0, in: { $add: ['$$value', '$$this'] } },
        },
        count: { $size: '$scores' },
        last: { $arrayElemAt: ['$scores', -1] },
        firstTwo: { $slice: ['$scores', 2] },
        hasNinetyOne: { $in: [91, '$scores'] },
        both: { $concatArrays: ['$scores', [100]] },
      }),
    ).toEqual({
      high: [85, 91],
      tenfold: [720, 850, 910],
      total: 248,
      count: 3,
      last: 91,
      firstTwo: [72, 85],
      hasNinetyOne: true,
      both: [72, 85, 91, 100],
    });
  });

  test('strings: case, substrings, splitting, lengths in code points and bytes', async () => {
    expect(
      await project(1, {
        upper: { $toUpper: '$measure' },
        lower: { $toLower: '$measure' },
        part: { $substrCP: ['$measure', 6, 3] },
        words: { $split: ['$note', ', '] },
        codePoints: { $strLenCP: 'naïve' },
        bytes: { $strLenBytes: 'naïve' },
        trimmed: { $trim: { input: '  key worker  ' } },
        joined: { $concat: ['$measure', ' (', '$lead.team', ')'] },
      }),
    ).toEqual({
      upper: 'NAMED KEY WORKER',
      lower: 'named key worker',
      part: 'key',
      words: ['naïve', 'first'],
      codePoints: 5,
      bytes: 6,
      trimmed: 'key worker',
      joined: 'Named key worker (ICB)',
    });
  });

  test('$concat with a null or missing part is null', async () => {
    expect(await project(2, { joined: { $concat: ['$measure', '$note'] } })).toEqual({
      joined: null,
    });
    expect(await project(4, { joined: { $concat: ['$measure', '$note'] } })).toEqual({
      joined: null,
    });
  });

  test('conditionals: $cond, $ifNull, $switch and $$REMOVE', async () => {
    const rows = await ctx.db
      .collection('returns')
      .aggregate([
        { $sort: { _id: 1 } },
        {
          $project: {
            size: {
              $switch: {
                branches: [
                  { case: { $lt: ['$attendees', 10] }, then: 'small' },
                  { case: { $lt: ['$attendees', 100] }, then: 'medium' },
                ],
                default: 'large',
              },
            },
            busy: { $cond: { if: { $gte: ['$attendees', 100] }, then: true, else: false } },
            leadName: { $ifNull: ['$lead.name', 'unassigned'] },
            team: { $cond: [{ $eq: [{ $type: '$lead' }, 'object'] }, '$lead.team', '$$REMOVE'] },
          },
        },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: 1, size: 'small', busy: false, leadName: 'Sam', team: 'ICB' },
      { _id: 2, size: 'medium', busy: false, leadName: 'unassigned' },
      { _id: 3, size: 'large', busy: true, leadName: 'Ali', team: 'LA' },
      { _id: 4, size: 'large', busy: true, leadName: 'unassigned' },
    ]);
  });

  test('numbers: $round rounds half to even, $trunc truncates, $divide gives doubles', async () => {
    expect(
      await project(1, {
        tenAndHalf: { $round: [10.5, 0] },
        elevenAndHalf: { $round: [11.5, 0] },
        minusTwoAndHalf: { $round: [-2.5, 0] },
        twoPlaces: { $round: [3.14159, 2] },
        truncated: { $trunc: [7.9, 0] },
        half: { $divide: [7, 2] },
        share: { $multiply: [{ $divide: ['$attendees', 8] }, 100] },
      }),
    ).toEqual({
      tenAndHalf: 10,
      elevenAndHalf: 12,
      minusTwoAndHalf: -2,
      twoPlaces: 3.14,
      truncated: 7,
      half: 3.5,
      share: 50,
    });
  });

  test('objects: $mergeObjects, $objectToArray, $arrayToObject, $literal', async () => {
    expect(
      await project(1, {
        merged: { $mergeObjects: ['$lead', { team: 'ICB and LA', role: 'lead' }] },
        pairs: { $objectToArray: '$lead' },
        back: {
          $arrayToObject: [
            [
              { k: 'a', v: 1 },
              { k: 'b', v: 2 },
            ],
          ],
        },
        literal: { $literal: '$notAFieldPath' },
      }),
    ).toEqual({
      merged: { name: 'Sam', team: 'ICB and LA', role: 'lead' },
      pairs: [
        { k: 'name', v: 'Sam' },
        { k: 'team', v: 'ICB' },
      ],
      back: { a: 1, b: 2 },
      literal: '$notAFieldPath',
    });
  });

  test('$replaceRoot with $mergeObjects lifts an embedded document', async () => {
    const rows = await ctx.db
      .collection('returns')
      .aggregate([
        { $match: { _id: 3 } },
        { $replaceRoot: { newRoot: { $mergeObjects: [{ id: '$_id' }, '$lead'] } } },
      ])
      .toArray();
    expect(rows).toEqual([{ id: 3, name: 'Ali', team: 'LA' }]);
  });

  test('$bucket groups by boundaries, with a default bucket last', async () => {
    const buckets = await ctx.db
      .collection('returns')
      .aggregate([
        {
          $bucket: {
            groupBy: '$attendees',
            boundaries: [0, 10, 100, 200],
            default: 'very large',
            output: { count: { $sum: 1 }, measures: { $push: '$measure' } },
          },
        },
      ])
      .toArray();
    expect(buckets).toEqual([
      { _id: 0, count: 1, measures: ['Named key worker'] },
      { _id: 10, count: 1, measures: ['Readmissions'] },
      { _id: 100, count: 1, measures: ['Personal budgets'] },
      { _id: 'very large', count: 1, measures: ['Satisfaction'] },
    ]);
  });

  test('$group $push of $$ROOT and $last after a sort', async () => {
    const [group] = await ctx.db
      .collection('returns')
      .aggregate([
        { $sort: { submittedAt: 1 } },
        {
          $group: {
            _id: null,
            ids: { $push: '$$ROOT._id' },
            latest: { $last: '$measure' },
            earliest: { $first: '$measure' },
          },
        },
      ])
      .toArray();
    expect(group).toEqual({
      _id: null,
      ids: [2, 3, 4, 1],
      latest: 'Named key worker',
      earliest: 'Readmissions',
    });
  });

  test('$lookup with an array localField matches any element', async () => {
    await ctx.db.collection<Numbered>('themes').insertMany([
      { _id: 10, name: 'access' },
      { _id: 11, name: 'waiting times' },
      { _id: 12, name: 'staff' },
    ]);
    await ctx.db.collection<Numbered>('linked_feedback').insertOne({ _id: 1, themeIds: [12, 10] });
    const [joined] = await ctx.db
      .collection('linked_feedback')
      .aggregate([
        { $lookup: { from: 'themes', localField: 'themeIds', foreignField: '_id', as: 'themes' } },
        { $project: { names: '$themes.name' } },
      ])
      .toArray();
    expect([...joined.names].sort()).toEqual(['access', 'staff']);
  });
});
