import { randomBytes } from 'node:crypto';
import { deserialize, type Document } from 'bson';
import type { MongoClient } from 'mongodb';
import { deeplyNestedDocument } from './support/bson-elements';
import {
  malformedMessageKinds,
  pickKind,
  type MalformedMessage,
} from './support/malformed-messages';
import { SeededRandom } from './support/seeded-random';
import { acquireMongoTarget, connectDriver, type MongoTarget } from './support/target';
import {
  HEADER_SIZE,
  WireConnection,
  bodySection,
  documentSequenceSection,
  framingOf,
  hostAndPort,
  opMsg,
  pingMessage,
} from './support/wire';

/**
 * Malformed wire messages must never crash the server, hang a connection it
 * has a complete message for, or store anything. Every message is followed by
 * a ping on the same connection: the server must answer it or close the
 * connection. Replay a failure with FUZZ_SEED=<seed>.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261124);
const messageCount = 10_500;
const batches = 10;
/** A server that has a whole message must act on it well within this. */
const replyTimeoutMs = 2_000;

let target: MongoTarget;
let client: MongoClient;
let host: string;
let port: number;
const referenceDb = `fuzz_ref_${randomBytes(4).toString('hex')}`;
const referenceCollection = 'engagement_events';
const scratchDb = `fuzz_scratch_${randomBytes(4).toString('hex')}`;
const referenceDocuments: Document[] = Array.from({ length: 40 }, (_, i) => ({
  _id: i,
  kind: ['drop-in', 'interview', 'survey', 'market engagement'][i % 4],
  attendees: i * 3,
  notes: { summary: `Session ${i}`, themes: ['access', 'waiting times'].slice(0, (i % 2) + 1) },
}));

beforeAll(async () => {
  target = await acquireMongoTarget('fuzz');
  ({ host, port } = hostAndPort(target.uri));
  client = await connectDriver(target.uri);
  await client.db(referenceDb).collection(referenceCollection).insertMany(referenceDocuments);
}, 30_000);

afterAll(async () => {
  if (client !== undefined) {
    await client
      .db(referenceDb)
      .dropDatabase()
      .catch(() => undefined);
    await dropScratchDatabases(client);
    await client.close();
  }
  await target?.release();
}, 30_000);

/** Bit flips in `$db` may have created databases with names close to the scratch one. */
async function dropScratchDatabases(driver: MongoClient): Promise<void> {
  const { databases } = await driver.db('admin').admin().listDatabases({ nameOnly: true });
  for (const { name } of databases) {
    if (name.length !== scratchDb.length) continue;
    let distance = 0;
    for (let i = 0; i < name.length; i++) if (name[i] !== scratchDb[i]) distance++;
    if (distance <= 6) await driver.db(name).dropDatabase();
  }
}

/** `kindOf` names the generator behind a fuzzed message id, to say which input got stored. */
async function assertServerHealthyAndDataUnchanged(kindOf: (id: number) => string): Promise<void> {
  expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  const stored = await client
    .db(referenceDb)
    .collection(referenceCollection)
    .find({})
    .sort({ _id: 1 })
    .toArray();
  const storedByFuzzing = stored
    .filter((doc) => typeof doc._id === 'string')
    .map((doc) => {
      const id = Number(/(\d+)$/.exec(String(doc._id))?.[1]);
      return { stored: doc, byMessageOfKind: kindOf(id) };
    });
  expect(storedByFuzzing).toEqual([]);
  expect(stored).toEqual(referenceDocuments);
}

// ---- the run --------------------------------------------------------------

interface Failure {
  index: number;
  kind: string;
  problem: string;
  bytesHex: string;
}

class FuzzSession {
  private connection: WireConnection | undefined;
  private nextMessageId = 0;
  /**
   * Pings use negative ids so that no bit flip of a (small, positive) fuzzed
   * message id can make the server's reply to it look like the ping's.
   */
  private nextPingId = 0;
  readonly failures: Failure[] = [];
  readonly outcomes = new Map<string, number>();
  readonly kinds = new Map<number, string>();
  reconnects = 0;

  async openConnection(): Promise<WireConnection> {
    if (this.connection === undefined || this.connection.closed) {
      this.connection = await WireConnection.open(host, port);
      this.reconnects++;
    }
    return this.connection;
  }

  messageId(): number {
    this.nextMessageId += 1;
    return this.nextMessageId;
  }

  private pingId(): number {
    this.nextPingId -= 1;
    return this.nextPingId;
  }

  count(outcome: string): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  fail(index: number, message: MalformedMessage, problem: string): void {
    this.failures.push({
      index,
      kind: message.kind,
      problem,
      bytesHex: message.bytes.subarray(0, 96).toString('hex'),
    });
  }

  async deliver(index: number, message: MalformedMessage, messageId: number): Promise<void> {
    const connection = await this.openConnection();
    this.kinds.set(messageId, message.kind);
    const framing = framingOf(message.bytes);
    connection.send(message.bytes);
    if (framing === 'incomplete') {
      // The server is right to wait for the rest; hang up mid-message instead.
      connection.destroy();
      this.count('hung up mid-message');
      return;
    }
    const pingId = this.pingId();
    connection.send(pingMessage(pingId));
    const outcome = await connection.waitForReply(pingId, replyTimeoutMs);
    this.count(`${framing}: ${outcome}`);
    if (outcome === 'timeout') {
      this.fail(
        index,
        message,
        `no reply to a ping after a ${framing} message, connection still open`,
      );
      connection.destroy();
      return;
    }
    if (outcome === 'reply' && connection.replyTo(pingId)?.ok !== 1) {
      this.fail(
        index,
        message,
        `ping after it answered ${JSON.stringify(connection.replyTo(pingId))}`,
      );
    }
    if (message.expectErrorReply) {
      const reply = connection.replyTo(messageId);
      if (outcome === 'closed' && reply === undefined) {
        this.fail(
          index,
          message,
          'connection closed instead of an error reply to a well-formed command',
        );
      } else if (reply === undefined || reply === null) {
        this.fail(index, message, 'no OP_MSG reply to a well-formed command');
      } else if (!(
        reply.ok === 0 ||
        (Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0)
      )) {
        const command = deserialize(message.bytes.subarray(HEADER_SIZE + 5));
        this.fail(
          index,
          message,
          `invalid command ${JSON.stringify(command)} was accepted: ${JSON.stringify(reply)}`,
        );
      }
    }
  }
}

describe('malformed wire messages', () => {
  test(`${messageCount} malformed messages (seed ${seed}): the server survives, answers and stores nothing`, async () => {
    const startedAt = Date.now();
    const rng = new SeededRandom(seed);
    const session = new FuzzSession();
    const kinds = malformedMessageKinds({ referenceDb, referenceCollection, scratchDb });
    await assertServerHealthyAndDataUnchanged((id) => session.kinds.get(id) ?? 'unknown');

    for (let batch = 0; batch < batches; batch++) {
      const perBatch = Math.ceil(messageCount / batches);
      for (let i = 0; i < perBatch; i++) {
        const index = batch * perBatch + i;
        if (session.failures.length > 50) break;
        const messageId = session.messageId();
        const message = pickKind(rng, kinds).make(rng, messageId);
        await session.deliver(index, message, messageId);
      }
      // A few very deep documents per batch: recursion in a decoder must not take the server down.
      const deep = session.messageId();
      await session.deliver(
        -1,
        {
          kind: 'document nested 50,000 deep',
          bytes: opMsg(deep, [
            bodySection({ insert: referenceCollection, $db: referenceDb }),
            documentSequenceSection('documents', [deeplyNestedDocument(50_000)]),
          ]),
        },
        deep,
      );
      await assertServerHealthyAndDataUnchanged((id) => session.kinds.get(id) ?? 'unknown');
    }

    const elapsedMs = Date.now() - startedAt;
    // Printed so a slow or odd run can be read without re-running.
    console.log(
      `fuzz seed ${seed}: ${messageCount} messages in ${elapsedMs} ms, ${session.reconnects} connections`,
      Object.fromEntries(session.outcomes),
    );
    // Grouped by kind and problem, with the first example of each, so one bug reads as one line.
    const grouped: Record<string, { count: number; first: Failure }> = {};
    for (const failure of session.failures) {
      const key = `${failure.kind}: ${failure.problem}`;
      grouped[key] ??= { count: 0, first: failure };
      grouped[key].count++;
    }
    expect(grouped).toEqual({});
    expect(elapsedMs).toBeLessThan(60_000);
  }, 120_000);
});
