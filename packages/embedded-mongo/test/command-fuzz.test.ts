import { randomBytes } from 'node:crypto';
import { Long, ObjectId, UUID, deserialize, serialize, type Document } from 'bson';
import type { MongoClient } from 'mongodb';
import { nestedOperatorDocument, rawDocument, rawString } from './support/bson-elements';
import { SeededRandom } from './support/seeded-random';
import { acquireMongoTarget, connectDriver, type MongoTarget } from './support/target';
import { WireConnection, bodySection, hostAndPort, opMsg } from './support/wire';

/**
 * Well-formed BSON, wrongly shaped commands: the commands the driver sends,
 * with one field replaced by a value of another type, removed, or joined by
 * an unknown one. MongoDB answers every one of them, with a proper error when
 * it refuses; an internal error, a JavaScript exception's text, or a closed
 * connection means a check is missing. Replay with COMMAND_FUZZ_SEED=<seed>.
 */
const seed = Number(process.env.COMMAND_FUZZ_SEED ?? 7031);
const commandCount = 10_000;

let target: MongoTarget;
let client: MongoClient;
let host: string;
let port: number;
const scratchDb = `cmdfuzz_${randomBytes(4).toString('hex')}`;
const referenceDb = `cmdfuzz_ref_${randomBytes(4).toString('hex')}`;
const referenceDocuments = Array.from({ length: 20 }, (_, i) => ({ _id: i, title: `Spec ${i}` }));

beforeAll(async () => {
  target = await acquireMongoTarget('command_fuzz');
  ({ host, port } = hostAndPort(target.uri));
  client = await connectDriver(target.uri);
  await client
    .db(referenceDb)
    .collection<{ _id: number; title: string }>('specifications')
    .insertMany(referenceDocuments);
  await client
    .db(scratchDb)
    .collection('scratch')
    .insertMany(Array.from({ length: 10 }, (_, i) => ({ a: i % 3, b: [i, i + 1], c: { d: i } })));
}, 30_000);

afterAll(async () => {
  if (client !== undefined) {
    await client
      .db(scratchDb)
      .dropDatabase()
      .catch(() => undefined);
    await client
      .db(referenceDb)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  }
  await target?.release();
}, 30_000);

function baseCommands(): Document[] {
  return [
    {
      find: 'scratch',
      filter: { a: 1 },
      sort: { a: 1 },
      projection: { a: 1 },
      skip: 1,
      limit: 5,
      batchSize: 2,
    },
    { insert: 'scratch', documents: [{ a: 1, b: [1] }], ordered: true },
    {
      update: 'scratch',
      updates: [{ q: { a: 1 }, u: { $set: { e: 2 } }, multi: false, upsert: false }],
      ordered: true,
    },
    { update: 'scratch', updates: [{ q: { a: 2 }, u: [{ $set: { f: '$a' } }], multi: true }] },
    { delete: 'scratch', deletes: [{ q: { a: 99 }, limit: 1 }] },
    {
      findAndModify: 'scratch',
      query: { a: 1 },
      update: { $inc: { g: 1 } },
      new: true,
      upsert: false,
      sort: { a: 1 },
      fields: { a: 1 },
    },
    { findAndModify: 'scratch', query: { a: 98 }, remove: true },
    {
      aggregate: 'scratch',
      pipeline: [
        { $match: { a: 1 } },
        { $group: { _id: '$a', n: { $sum: 1 } } },
        { $sort: { n: -1 } },
        { $limit: 3 },
      ],
      cursor: { batchSize: 5 },
    },
    {
      aggregate: 'scratch',
      pipeline: [{ $lookup: { from: 'scratch', localField: 'a', foreignField: 'a', as: 'same' } }],
      cursor: {},
    },
    { count: 'scratch', query: { a: 1 }, limit: 1, skip: 0 },
    { distinct: 'scratch', key: 'a', query: {} },
    {
      createIndexes: 'scratch',
      indexes: [{ key: { a: 1, c: -1 }, name: 'a_1_c_-1', unique: false }],
    },
    { listIndexes: 'scratch', cursor: {} },
    { dropIndexes: 'scratch', index: 'no_such_index' },
    { listCollections: 1, filter: {}, nameOnly: true },
    { getMore: Long.fromNumber(1), collection: 'scratch', batchSize: 2 },
    { killCursors: 'scratch', cursors: [Long.fromNumber(1)] },
    { create: 'scratch_created', validator: { a: { $type: 'number' } } },
    { collStats: 'scratch' },
    { dbStats: 1, scale: 1 },
    { endSessions: [{ id: new UUID() }] },
    { hello: 1 },
  ];
}

function randomValue(rng: SeededRandom): unknown {
  const choices: (() => unknown)[] = [
    () => null,
    () => true,
    () => -1,
    () => 0,
    () => 2147483648,
    () => Long.fromString('-9223372036854775808'),
    () => 1.5,
    () => NaN,
    () => '',
    () => 'x',
    () => '$a',
    () => '$$NOT_A_VARIABLE',
    () => [],
    () => [1, 'a', null],
    () => ({}),
    () => ({ $bad: 1 }),
    () => ({ '': 1 }),
    () => ({ 'a.b': 1 }),
    () => ({ $and: 'x' }),
    () => [{ $match: 5 }],
    () => new ObjectId(),
    () => new Date(-1),
    () => ({ k: { k: { k: { k: { k: [] } } } } }),
    () => 'y'.repeat(rng.int(1, 5_000)),
  ];
  return rng.pick(choices)();
}

interface Slot {
  parent: Document | unknown[];
  key: string | number;
}

/** Every field and array element of a command except its first field (the command name). */
function slotsOf(value: Document | unknown[], isRoot: boolean): Slot[] {
  const slots: Slot[] = [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  keys.forEach((key, position) => {
    if (isRoot && position === 0) return;
    slots.push({ parent: value, key });
    const child = (value as Record<string | number, unknown>)[key];
    if (
      child !== null &&
      typeof child === 'object' &&
      (Array.isArray(child) || child.constructor === Object)
    ) {
      slots.push(...slotsOf(child as Document, false));
    }
  });
  return slots;
}

function mutate(rng: SeededRandom, base: Document): Document {
  const command = deserialize(serialize(base)) as Document;
  const slots = slotsOf(command, true);
  const action = rng.int(0, 9);
  if (action === 0 || slots.length === 0) {
    command[`fuzzOption${rng.int(0, 9)}`] = randomValue(rng);
  } else {
    const slot = rng.pick(slots);
    if (action === 1 && !Array.isArray(slot.parent)) delete (slot.parent as Document)[slot.key];
    else (slot.parent as Record<string | number, unknown>)[slot.key] = randomValue(rng);
  }
  return command;
}

/** Text no MongoDB error message contains, but a leaked JavaScript exception does. */
const JAVASCRIPT_ERROR_TEXT =
  /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|TypeError:|RangeError:|ReferenceError:|\[object Object\]/;

function describeProblem(reply: Document | null | undefined): string | undefined {
  if (reply === undefined) return 'no reply';
  if (reply === null) return 'reply is not an OP_MSG document';
  const messages: { code: unknown; errmsg: unknown }[] = [];
  if (reply.ok !== 1) messages.push({ code: reply.code, errmsg: reply.errmsg });
  if (Array.isArray(reply.writeErrors))
    messages.push(
      ...(reply.writeErrors as Document[]).map((e) => ({ code: e.code, errmsg: e.errmsg })),
    );
  for (const { code, errmsg } of messages) {
    // Code 1 is InternalError: MongoDB never answers bad input with it.
    if (typeof code !== 'number' || code === 1) return `error code ${String(code)}`;
    if (typeof errmsg !== 'string' || JAVASCRIPT_ERROR_TEXT.test(errmsg))
      return `errmsg ${JSON.stringify(errmsg)}`;
  }
  return undefined;
}

describe('wrongly shaped commands', () => {
  test(`${commandCount} mutated commands (seed ${seed}) all get MongoDB-style answers`, async () => {
    const rng = new SeededRandom(seed);
    const bases = baseCommands();
    let connection = await WireConnection.open(host, port);
    const problems: Record<string, { count: number; command: string; reply: string }> = {};
    for (let i = 1; i <= commandCount; i++) {
      let mutated = mutate(rng, rng.pick(bases));
      if (rng.chance(0.3)) mutated = mutate(rng, mutated);
      const command = { ...mutated, $db: scratchDb };
      connection.send(opMsg(i, [bodySection(command)]));
      const outcome = await connection.waitForReply(i, 5_000);
      const problem =
        outcome === 'reply' ? describeProblem(connection.replyTo(i)) : `connection ${outcome}`;
      if (problem !== undefined) {
        const key = `${Object.keys(command)[0]}: ${problem}`;
        problems[key] ??= {
          count: 0,
          command: JSON.stringify(command).slice(0, 300),
          reply: JSON.stringify(connection.replyTo(i) ?? null).slice(0, 300),
        };
        problems[key].count++;
      }
      if (connection.closed || outcome === 'timeout') {
        connection.destroy();
        connection = await WireConnection.open(host, port);
      }
    }
    connection.destroy();

    expect(problems).toEqual({});
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    expect(
      await client.db(referenceDb).collection('specifications').find().sort({ _id: 1 }).toArray(),
    ).toEqual(referenceDocuments);
  }, 60_000);
});

describe('deeply nested operators', () => {
  const depths = [150, 1_000, 3_000];

  test.each(depths)(
    'a query and an expression nested %i deep get an answer, and the server keeps serving',
    async (depth) => {
      const connection = await WireConnection.open(host, port);
      try {
        const innermost = Buffer.from(serialize({ a: 1 }));
        const filter = nestedOperatorDocument('$and', depth, innermost);
        const find = rawDocument(
          ['find', 0x02, rawString('scratch')],
          ['filter', 0x03, filter],
          ['$db', 0x02, rawString(scratchDb)],
        );
        const expression = nestedOperatorDocument(
          '$abs',
          depth,
          Buffer.from(serialize({ $literal: -1 })),
        );
        const aggregate = rawDocument(
          ['aggregate', 0x02, rawString('scratch')],
          [
            'pipeline',
            0x04,
            rawDocument([
              '0',
              0x03,
              rawDocument(['$project', 0x03, rawDocument(['x', 0x03, expression])]),
            ]),
          ],
          ['cursor', 0x03, Buffer.from(serialize({}))],
          ['$db', 0x02, rawString(scratchDb)],
        );
        for (const [id, command] of [
          [1, find],
          [2, aggregate],
        ] as const) {
          connection.send(opMsg(id, [bodySection(command)]));
          expect(await connection.waitForReply(id, 10_000)).toBe('reply');
          expect(describeProblem(connection.replyTo(id))).toBeUndefined();
        }
      } finally {
        connection.destroy();
      }
      expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    },
    30_000,
  );
});
