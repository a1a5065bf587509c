import { BSON, type Document } from 'bson';
import { fromWire } from '../engine/numeric-types';
import { MAX_NESTING_DEPTH, nestingDepth } from './nesting-depth';

export const OpCode = { REPLY: 1, QUERY: 2004, COMPRESSED: 2012, MSG: 2013 } as const;

export const HEADER_BYTES = 16;
/** mongod's `maxMessageSizeBytes`; anything longer is refused before it is buffered. */
export const MAX_MESSAGE_BYTES = 48_000_000;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
/** Flag bits 0-15 are required: a set bit this server does not know must fail the message. */
const KNOWN_REQUIRED_FLAGS = CHECKSUM_PRESENT | MORE_TO_COME;

/** Numbers are decoded as their BSON classes and then stored by `fromWire`, so each keeps its type. */
const DESERIALIZE_OPTIONS: BSON.DeserializeOptions = {
  promoteBuffers: false,
  promoteValues: false,
  // Regular expressions arrive as pattern + options and are translated from PCRE by `fromWire`.
  bsonRegExp: true,
};

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

/** A command from a client: an OP_MSG, or a legacy OP_QUERY on `<db>.$cmd` (the first handshake of some drivers). */
export type CommandRequest =
  | { kind: 'msg'; requestId: number; body: Document; moreToCome: boolean }
  | { kind: 'query'; requestId: number; collection: string; body: Document };

/** A message that was framed correctly but cannot be understood; it is answered with an error, the connection stays. */
export class MalformedMessage extends Error {
  constructor(
    message: string,
    readonly code: number = 22,
    readonly codeName: string = 'InvalidBSON',
  ) {
    super(message);
  }
}

export function readHeader(frame: Buffer): MessageHeader {
  return {
    length: frame.readInt32LE(0),
    requestId: frame.readInt32LE(4),
    responseTo: frame.readInt32LE(8),
    opCode: frame.readInt32LE(12),
  };
}

/** One BSON document starting at `offset`, bounded by `end`; returns it and its byte length. */
function readDocument(frame: Buffer, offset: number, end: number): [Document, number] {
  if (offset + 5 > end)
    throw new MalformedMessage('BSON document runs past the end of the message');
  const size = frame.readInt32LE(offset);
  if (size < 5 || offset + size > end)
    throw new MalformedMessage(`invalid BSON document size ${size}`);
  if (frame[offset + size - 1] !== 0) throw new MalformedMessage('BSON document is not terminated');
  if (nestingDepth(frame, offset, offset + size) > MAX_NESTING_DEPTH) {
    throw new MalformedMessage(
      `BSON document exceeds the maximum nested object depth of ${MAX_NESTING_DEPTH}`,
      15,
      'Overflow',
    );
  }
  try {
    const doc = BSON.deserialize(frame.subarray(offset, offset + size), DESERIALIZE_OPTIONS);
    return [fromWire(doc), size];
  } catch (error) {
    if (error instanceof RangeError && /call stack/.test(error.message)) {
      throw new MalformedMessage('BSON document is nested too deeply', 15, 'Overflow');
    }
    throw new MalformedMessage(
      `invalid BSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function readCString(frame: Buffer, offset: number, end: number): [string, number] {
  const terminator = frame.indexOf(0, offset);
  if (terminator < 0 || terminator >= end)
    throw new MalformedMessage('unterminated string in message');
  return [frame.toString('utf8', offset, terminator), terminator + 1];
}

/** OP_MSG: flag bits, one body section (kind 0) and any document sequences (kind 1) merged into the body. */
function parseOpMsg(frame: Buffer, header: MessageHeader): CommandRequest {
  if (frame.length < HEADER_BYTES + 5) throw new MalformedMessage('OP_MSG too short');
  const flags = frame.readUInt32LE(HEADER_BYTES);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_FLAGS) !== 0) {
    throw new MalformedMessage(
      `Unrecognized required flag bits in OP_MSG: ${flags}`,
      40,
      'Location40',
    );
  }
  const end = flags & CHECKSUM_PRESENT ? frame.length - 4 : frame.length;
  let offset = HEADER_BYTES + 4;
  let body: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (offset < end) {
    const kind = frame[offset++];
    if (kind === 0) {
      if (body)
        throw new MalformedMessage('OP_MSG has more than one body section', 40430, 'Location40430');
      const [doc, size] = readDocument(frame, offset, end);
      body = doc;
      offset += size;
    } else if (kind === 1) {
      if (offset + 4 > end)
        throw new MalformedMessage('document sequence runs past the end of the message');
      const size = frame.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end)
        throw new MalformedMessage(`invalid document sequence size ${size}`);
      const [identifier, afterName] = readCString(frame, offset + 4, sectionEnd);
      const docs: Document[] = [];
      let position = afterName;
      while (position < sectionEnd) {
        const [doc, docSize] = readDocument(frame, position, sectionEnd);
        docs.push(doc);
        position += docSize;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new MalformedMessage(`Unknown section kind ${kind} in OP_MSG`, 40432, 'Location40432');
    }
  }
  if (!body) throw new MalformedMessage('OP_MSG has no body section', 40587, 'Location40587');
  for (const [identifier, docs] of sequences) {
    if (identifier in body) {
      throw new MalformedMessage(
        `Duplicate field name in OP_MSG: ${identifier}`,
        40433,
        'Location40433',
      );
    }
    body[identifier] = docs;
  }
  return {
    kind: 'msg',
    requestId: header.requestId,
    body,
    moreToCome: (flags & MORE_TO_COME) !== 0,
  };
}

/** OP_QUERY, accepted only for commands (`<db>.$cmd`), which is all a modern client sends with it. */
function parseOpQuery(frame: Buffer, header: MessageHeader): CommandRequest {
  const [collection, afterName] = readCString(frame, HEADER_BYTES + 4, frame.length);
  const [query] = readDocument(frame, afterName + 8, frame.length);
  const body =
    query.$query && typeof query.$query === 'object' ? (query.$query as Document) : query;
  return { kind: 'query', requestId: header.requestId, collection, body };
}

export function parseCommand(frame: Buffer, header: MessageHeader): CommandRequest {
  switch (header.opCode) {
    case OpCode.MSG:
      return parseOpMsg(frame, header);
    case OpCode.QUERY:
      return parseOpQuery(frame, header);
    default:
      throw new MalformedMessage(
        `Unsupported opCode ${header.opCode}`,
        352,
        'UnsupportedOpQueryCommand',
      );
  }
}

function withHeader(
  body: Buffer,
  requestId: number,
  responseTo: number,
  opCode: number,
  prefix: Buffer,
): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const length = HEADER_BYTES + prefix.length + body.length;
  header.writeInt32LE(length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, prefix, body], length);
}

export function encodeMsgReply(requestId: number, responseTo: number, reply: Document): Buffer {
  const prefix = Buffer.alloc(5); // flag bits 0, then section kind 0
  return withHeader(Buffer.from(BSON.serialize(reply)), requestId, responseTo, OpCode.MSG, prefix);
}

export function encodeOpReply(requestId: number, responseTo: number, reply: Document): Buffer {
  const prefix = Buffer.alloc(20); // responseFlags, cursorID (0), startingFrom
  prefix.writeInt32LE(1, 16); // numberReturned
  return withHeader(
    Buffer.from(BSON.serialize(reply)),
    requestId,
    responseTo,
    OpCode.REPLY,
    prefix,
  );
}
