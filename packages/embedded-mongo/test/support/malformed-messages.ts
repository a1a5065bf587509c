import { Long, serialize, type Document } from 'bson';
import { elementsOf, unassignedTypeBytes } from './bson-elements';
import type { SeededRandom } from './seeded-random';
import {
  HEADER_SIZE,
  MAX_MESSAGE_SIZE,
  OP_COMPRESSED,
  OP_MSG,
  OP_QUERY,
  bodySection,
  documentSequenceSection,
  header,
  opMsg,
  pingMessage,
} from './wire';

/**
 * The malformed wire messages the fuzz test sends, by kind. Corruptions that
 * must never be stored target the reference collection (so storing one is
 * detected); bit flips of otherwise valid inserts target a scratch database,
 * since a flipped value can legitimately make a different valid document.
 */
export interface FuzzNamespaces {
  referenceDb: string;
  referenceCollection: string;
  scratchDb: string;
}

export interface MalformedMessage {
  kind: string;
  bytes: Buffer;
  /** For well-formed BSON commands that are invalid: the server must answer with an error. */
  expectErrorReply?: boolean;
}

export interface MalformedMessageKind {
  kind: string;
  weight: number;
  make: (rng: SeededRandom, id: number) => MalformedMessage;
}

export function malformedMessageKinds({
  referenceDb,
  referenceCollection,
  scratchDb,
}: FuzzNamespaces): MalformedMessageKind[] {
  function referenceInsertBody(rng: SeededRandom, id: number): Document {
    return {
      insert: referenceCollection,
      $db: referenceDb,
      ordered: rng.chance(0.5),
      documents: [
        {
          _id: `fuzz-${id}`,
          title: 'must never be stored',
          count: rng.int(-1000, 1000),
          at: new Date(0),
          nested: { a: 'b', list: [1, 'two', null] },
        },
      ],
    };
  }

  function withLength(message: Buffer, length: number): Buffer {
    const copy = Buffer.from(message);
    copy.writeInt32LE(length | 0, 0);
    return copy;
  }

  /** An OP_MSG whose body is the given raw bytes, header length correct. */
  function opMsgWithRawBody(requestId: number, body: Buffer): Buffer {
    return opMsg(requestId, [Buffer.concat([Buffer.from([0]), body])]);
  }

  function scratchInsert(rng: SeededRandom, requestId: number): Buffer {
    const documents = Array.from({ length: rng.int(1, 4) }, (_, i) =>
      Buffer.from(serialize({ _id: `s-${requestId}-${i}`, n: rng.int(0, 100), text: 'scratch' })),
    );
    return opMsg(requestId, [
      bodySection({ insert: 'scratch', $db: scratchDb, ordered: true }),
      documentSequenceSection('documents', documents),
    ]);
  }

  const invalidCommands: ((rng: SeededRandom) => Document)[] = [
    (rng) => ({ [`fuzzCommand${rng.int(0, 1e6)}`]: 1, $db: referenceDb }),
    () => ({ insert: referenceCollection, documents: 'not an array', $db: referenceDb }),
    () => ({ insert: referenceCollection, documents: [1, 'two'], $db: referenceDb }),
    () => ({ insert: referenceCollection, documents: [], $db: referenceDb }),
    () => ({ insert: 42, documents: [{ _id: 'fuzz-bad-name' }], $db: referenceDb }),
    () => ({
      insert: referenceCollection,
      documents: [{ _id: 'fuzz-bad-ordered' }],
      ordered: 'maybe',
      $db: referenceDb,
    }),
    () => ({ insert: referenceCollection, documents: [{ _id: [1, 2] }], $db: referenceDb }),
    () => ({ find: referenceCollection, filter: 'everything', $db: referenceDb }),
    () => ({ find: referenceCollection, filter: { $nope: 1 }, $db: referenceDb }),
    () => ({ find: referenceCollection, sort: { attendees: 'up' }, $db: referenceDb }),
    () => ({ getMore: 'cursor', collection: referenceCollection, $db: referenceDb }),
    (rng) => ({
      getMore: Long.fromNumber(rng.int(1, 1e9)),
      collection: referenceCollection,
      $db: referenceDb,
    }),
    () => ({ update: referenceCollection, updates: [{ q: {}, u: 'x' }], $db: referenceDb }),
    () => ({
      update: referenceCollection,
      updates: [{ q: {}, u: { $nope: { attendees: 0 } }, multi: true }],
      $db: referenceDb,
    }),
    () => ({
      update: referenceCollection,
      updates: [{ q: {}, u: { $set: { _id: 'changed' } }, multi: true }],
      $db: referenceDb,
    }),
    () => ({ delete: referenceCollection, deletes: [{ q: {}, limit: 7 }], $db: referenceDb }),
    () => ({ delete: referenceCollection, deletes: 'all', $db: referenceDb }),
    () => ({
      findAndModify: referenceCollection,
      query: {},
      update: { $bad: 1 },
      $db: referenceDb,
    }),
    () => ({
      findAndModify: referenceCollection,
      query: {},
      remove: true,
      update: { $set: { a: 1 } },
      $db: referenceDb,
    }),
    () => ({ aggregate: referenceCollection, pipeline: 'x', cursor: {}, $db: referenceDb }),
    () => ({
      aggregate: referenceCollection,
      pipeline: [{ $nope: 1 }],
      cursor: {},
      $db: referenceDb,
    }),
    () => ({ createIndexes: referenceCollection, indexes: 'x', $db: referenceDb }),
    () => ({
      createIndexes: referenceCollection,
      indexes: [{ key: {}, name: '' }],
      $db: referenceDb,
    }),
    () => ({ killCursors: referenceCollection, cursors: 'x', $db: referenceDb }),
    () => ({ listIndexes: 'no_such_collection', $db: referenceDb }),
    () => ({ dropIndexes: referenceCollection, index: 'no_such_index_1', $db: referenceDb }),
    () => ({ ping: 1 }),
    () => ({ ping: 1, $db: 5 }),
    () => ({}),
  ];

  const kinds: MalformedMessageKind[] = [
    {
      kind: 'random bytes',
      weight: 10,
      make: (rng) => ({ kind: 'random bytes', bytes: rng.bytes(rng.int(1, 200)) }),
    },
    {
      kind: 'plausible header, random payload',
      weight: 8,
      make: (rng, id) => {
        const payload = rng.bytes(rng.int(0, 300));
        const opCode = rng.pick([OP_MSG, OP_QUERY, OP_COMPRESSED, rng.int(-5, 5000)]);
        return {
          kind: 'plausible header, random payload',
          bytes: Buffer.concat([header(HEADER_SIZE + payload.length, id, 0, opCode), payload]),
        };
      },
    },
    {
      kind: 'declared length too short',
      weight: 6,
      make: (rng, id) => {
        const message = scratchInsert(rng, id);
        return {
          kind: 'declared length too short',
          bytes: withLength(
            message,
            rng.chance(0.5) ? rng.int(0, 15) : rng.int(16, message.length - 1),
          ),
        };
      },
    },
    {
      kind: 'declared length too long',
      weight: 6,
      make: (rng, id) => {
        const message = pingMessage(id);
        return {
          kind: 'declared length too long',
          bytes: withLength(message, message.length + rng.int(1, 5_000)),
        };
      },
    },
    {
      kind: 'negative declared length',
      weight: 4,
      make: (rng, id) => ({
        kind: 'negative declared length',
        bytes: withLength(pingMessage(id), rng.int(-2147483648, -1)),
      }),
    },
    {
      kind: 'declared length over 48 MB',
      weight: 4,
      make: (rng, id) => ({
        kind: 'declared length over 48 MB',
        bytes: withLength(pingMessage(id), rng.int(MAX_MESSAGE_SIZE + 1, 2147483647)),
      }),
    },
    {
      kind: 'truncated BSON body',
      weight: 8,
      make: (rng, id) => {
        const body = Buffer.from(serialize(referenceInsertBody(rng, id)));
        return {
          kind: 'truncated BSON body',
          bytes: opMsgWithRawBody(id, body.subarray(0, rng.int(0, body.length - 1))),
        };
      },
    },
    {
      kind: 'BSON element with an unassigned type',
      weight: 8,
      make: (rng, id) => {
        const body = Buffer.from(serialize(referenceInsertBody(rng, id)));
        const element = rng.pick(elementsOf(body));
        body[element.typeOffset] = rng.pick(unassignedTypeBytes());
        return { kind: 'BSON element with an unassigned type', bytes: opMsgWithRawBody(id, body) };
      },
    },
    {
      kind: 'BSON string with a wrong length',
      weight: 8,
      make: (rng, id) => {
        const body = Buffer.from(serialize(referenceInsertBody(rng, id)));
        const strings = elementsOf(body).filter((element) => element.type === 0x02);
        const element = rng.pick(strings);
        const actual = body.readInt32LE(element.valueOffset);
        const wrong = rng.pick([
          0,
          -1,
          actual + 1,
          actual - 1,
          actual + 1000,
          0x7fffffff,
          -0x80000000,
        ]);
        body.writeInt32LE(wrong, element.valueOffset);
        return { kind: 'BSON string with a wrong length', bytes: opMsgWithRawBody(id, body) };
      },
    },
    {
      kind: 'BSON document without its terminator',
      weight: 6,
      make: (rng, id) => {
        const good = Buffer.from(serialize(referenceInsertBody(rng, id)));
        if (rng.chance(0.5)) {
          const body = Buffer.from(good.subarray(0, good.length - 1));
          body.writeInt32LE(body.length, 0);
          return {
            kind: 'BSON document without its terminator',
            bytes: opMsgWithRawBody(id, body),
          };
        }
        // The same fault inside a document sequence, lengths all consistent.
        const doc = Buffer.from(serialize({ _id: `fuzz-${id}`, title: 'no terminator' }));
        const cut = Buffer.from(doc.subarray(0, doc.length - 1));
        cut.writeInt32LE(cut.length, 0);
        return {
          kind: 'BSON document without its terminator',
          bytes: opMsg(id, [
            bodySection({ insert: referenceCollection, $db: referenceDb }),
            documentSequenceSection('documents', [cut]),
          ]),
        };
      },
    },
    {
      kind: 'valid BSON, invalid command',
      weight: 10,
      make: (rng, id) => ({
        kind: 'valid BSON, invalid command',
        bytes: opMsg(id, [bodySection(rng.pick(invalidCommands)(rng))]),
        expectErrorReply: true,
      }),
    },
    {
      kind: 'unknown opcode',
      weight: 6,
      make: (rng, id) => {
        const opCode = rng.pick([0, 1, 1000, 2001, 2002, 2005, 2006, 2007, 2010, 2011, 9999, -1]);
        const payload = rng.chance(0.5)
          ? pingMessage(id).subarray(HEADER_SIZE)
          : rng.bytes(rng.int(0, 64));
        return {
          kind: 'unknown opcode',
          bytes: Buffer.concat([header(HEADER_SIZE + payload.length, id, 0, opCode), payload]),
        };
      },
    },
    {
      kind: 'mutated insert: bit flips',
      weight: 10,
      make: (rng, id) => {
        const message = scratchInsert(rng, id);
        const flips = rng.int(1, 4);
        for (let i = 0; i < flips; i++) {
          const bit = rng.int(0, message.length * 8 - 1);
          message[bit >> 3] ^= 1 << (bit & 7);
        }
        return { kind: 'mutated insert: bit flips', bytes: message };
      },
    },
    {
      kind: 'mutated insert: truncated',
      weight: 6,
      make: (rng, id) => {
        const message = scratchInsert(rng, id);
        const cut = Buffer.from(message.subarray(0, rng.int(1, message.length - 1)));
        // Half the time the header is corrected to the shorter length, so the server sees a whole message.
        if (cut.length >= 4 && rng.chance(0.5)) cut.writeInt32LE(cut.length, 0);
        return { kind: 'mutated insert: truncated', bytes: cut };
      },
    },
    {
      kind: 'OP_MSG flags',
      weight: 4,
      make: (rng, id) => {
        // checksumPresent without a checksum, or a required bit no server knows.
        const flags = rng.chance(0.5) ? 1 : 1 << rng.int(2, 15);
        return {
          kind: 'OP_MSG flags',
          bytes: opMsg(id, [bodySection({ ping: 1, $db: 'admin' })], flags),
        };
      },
    },
    {
      kind: 'OP_MSG sections',
      weight: 5,
      make: (rng, id) => {
        const body = bodySection({ insert: referenceCollection, $db: referenceDb });
        const doc = Buffer.from(serialize({ _id: `fuzz-${id}` }));
        const sequence = documentSequenceSection('documents', [doc]);
        const variants: Buffer[][] = [
          [Buffer.concat([Buffer.from([rng.int(2, 255)]), rng.bytes(rng.int(0, 40))])],
          [body, body],
          [sequence],
          [body, withSectionSize(sequence, sequence.length - 1 + rng.int(1, 1000))],
          [body, withSectionSize(sequence, rng.int(-5, 4))],
          [],
        ];
        return { kind: 'OP_MSG sections', bytes: opMsg(id, rng.pick(variants)) };
      },
    },
    {
      kind: 'OP_COMPRESSED garbage',
      weight: 3,
      make: (rng, id) => {
        const prefix = Buffer.alloc(9);
        prefix.writeInt32LE(OP_MSG, 0);
        prefix.writeInt32LE(rng.int(-10, 100_000_000), 4);
        prefix[8] = rng.int(0, 4);
        const payload = Buffer.concat([prefix, rng.bytes(rng.int(0, 100))]);
        return {
          kind: 'OP_COMPRESSED garbage',
          bytes: Buffer.concat([
            header(HEADER_SIZE + payload.length, id, 0, OP_COMPRESSED),
            payload,
          ]),
        };
      },
    },
    {
      kind: 'OP_QUERY legacy',
      weight: 3,
      make: (rng, id) => {
        const query = rng.chance(0.5)
          ? Buffer.from(
              serialize({ insert: referenceCollection, documents: [{ _id: `fuzz-${id}` }] }),
            )
          : rng.bytes(rng.int(0, 40));
        const numbers = Buffer.alloc(8);
        numbers.writeInt32LE(0, 0);
        numbers.writeInt32LE(-1, 4);
        const flags = Buffer.alloc(4);
        const payload = Buffer.concat([
          flags,
          Buffer.from(`${referenceDb}.$cmd\0`),
          numbers,
          query,
        ]);
        return {
          kind: 'OP_QUERY legacy',
          bytes: Buffer.concat([header(HEADER_SIZE + payload.length, id, 0, OP_QUERY), payload]),
        };
      },
    },
  ];

  function withSectionSize(sequence: Buffer, size: number): Buffer {
    const copy = Buffer.from(sequence);
    copy.writeInt32LE(size | 0, 1);
    return copy;
  }

  return kinds;
}

/** One kind, chosen with probability proportional to its weight. */
export function pickKind(rng: SeededRandom, kinds: MalformedMessageKind[]): MalformedMessageKind {
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  let roll = rng.int(1, total);
  for (const kind of kinds) {
    roll -= kind.weight;
    if (roll <= 0) return kind;
  }
  return kinds[kinds.length - 1];
}
