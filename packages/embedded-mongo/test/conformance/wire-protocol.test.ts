import { serialize } from 'bson';
import {
  WireConnection,
  bodySection,
  documentSequenceSection,
  hostAndPort,
  opMsg,
  pingMessage,
} from '../support/wire';
import { useConformanceTarget } from '../support/target';

/**
 * OP_MSG details the official driver never exercises but other clients
 * (mongosh, other drivers) do, checked over a raw socket.
 */
const ctx = useConformanceTarget('wire');

let connection: WireConnection;

beforeEach(async () => {
  const { host, port } = hostAndPort(ctx.target.uri);
  connection = await WireConnection.open(host, port);
});

afterEach(() => connection.destroy());

async function roundTrip(requestId: number, message: Buffer) {
  connection.send(message);
  expect(await connection.waitForReply(requestId, 5_000)).toBe('reply');
  return connection.replyTo(requestId);
}

describe('OP_MSG', () => {
  test('an insert whose documents travel in a document sequence section stores them', async () => {
    const documents = [
      { _id: 1, kind: 'drop-in' },
      { _id: 2, kind: 'interview' },
    ].map((doc) => Buffer.from(serialize(doc)));
    const reply = await roundTrip(
      1,
      opMsg(1, [
        bodySection({ insert: 'sequenced', $db: ctx.target.dbName }),
        documentSequenceSection('documents', documents),
      ]),
    );
    expect(reply).toMatchObject({ ok: 1, n: 2 });
    expect(await ctx.db.collection('sequenced').find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, kind: 'drop-in' },
      { _id: 2, kind: 'interview' },
    ]);
  });

  test('a command without $db is refused (40571)', async () => {
    const reply = await roundTrip(2, opMsg(2, [bodySection({ ping: 1 })]));
    expect(reply).toMatchObject({ ok: 0, code: 40571 });
  });

  test('an insert with an empty documents array is refused and stores nothing', async () => {
    const reply = await roundTrip(
      3,
      opMsg(3, [bodySection({ insert: 'empty_batch', documents: [], $db: ctx.target.dbName })]),
    );
    expect(reply?.ok).toBe(0);
    expect(await ctx.db.listCollections({ name: 'empty_batch' }).toArray()).toEqual([]);
  });

  test('moreToCome: the server does not reply, but does the work', async () => {
    connection.send(
      opMsg(
        4,
        [
          bodySection({
            insert: 'fire_and_forget',
            documents: [{ _id: 1 }],
            $db: ctx.target.dbName,
          }),
        ],
        0b10,
      ),
    );
    const ping = await roundTrip(5, pingMessage(5));
    expect(ping).toMatchObject({ ok: 1 });
    expect(connection.replyTo(4)).toBeUndefined();
    expect(await ctx.db.collection('fire_and_forget').countDocuments()).toBe(1);
  });

  test('an unknown required flag bit is an error, not silently ignored', async () => {
    connection.send(opMsg(6, [bodySection({ ping: 1, $db: 'admin' })], 1 << 5));
    const outcome = await connection.waitForReply(6, 5_000);
    if (outcome === 'reply') expect(connection.replyTo(6)?.ok).toBe(0);
    else expect(outcome).toBe('closed');
  });

  test('replies echo the request id in responseTo, across pipelined requests', async () => {
    for (const id of [10, 11, 12]) connection.send(pingMessage(id));
    for (const id of [10, 11, 12]) {
      expect(await connection.waitForReply(id, 5_000)).toBe('reply');
      expect(connection.replyTo(id)).toMatchObject({ ok: 1 });
    }
  });
});

describe('connections', () => {
  test('300 simultaneous connections are each answered', async () => {
    const { host, port } = hostAndPort(ctx.target.uri);
    const connections = await Promise.all(
      Array.from({ length: 300 }, () => WireConnection.open(host, port)),
    );
    try {
      connections.forEach((each, i) => each.send(pingMessage(1000 + i)));
      const outcomes = await Promise.all(
        connections.map((each, i) => each.waitForReply(1000 + i, 10_000)),
      );
      expect(outcomes.filter((outcome) => outcome !== 'reply')).toEqual([]);
    } finally {
      for (const each of connections) each.destroy();
    }
  }, 30_000);

  test('a client hanging up in the middle of a large insert leaves the server serving', async () => {
    const { host, port } = hostAndPort(ctx.target.uri);
    const documents = Array.from({ length: 2_000 }, (_, i) =>
      Buffer.from(serialize({ _id: i, text: 'x'.repeat(1_000) })),
    );
    const message = opMsg(20, [
      bodySection({ insert: 'hung_up', $db: ctx.target.dbName }),
      documentSequenceSection('documents', documents),
    ]);
    // Half a message, then gone.
    const partial = await WireConnection.open(host, port);
    partial.send(message.subarray(0, message.length >> 1));
    partial.destroy();
    // A whole message, then gone before the reply.
    const whole = await WireConnection.open(host, port);
    whole.send(message);
    whole.destroy();

    const reply = await roundTrip(21, pingMessage(21));
    expect(reply).toMatchObject({ ok: 1 });
    const count = await ctx.db.collection('hung_up').countDocuments();
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThanOrEqual(2_000);
    // The half message stored nothing: at most the whole one's documents are there, each once.
    const distinct = await ctx.db.collection('hung_up').distinct('_id');
    expect(distinct).toHaveLength(count);
  }, 30_000);
});
