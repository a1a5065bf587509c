import * as decoding from 'lib0/decoding';
import type { AwarenessEntry, CollabFrame } from './collab-frame';
import { FrameDecodeError } from './frame-decode-error';
import { MAX_AWARENESS_STATE_BYTES } from './limits';
import { MessageType, SyncMessageType } from './message-type';

/**
 * Decodes one `yjs` frame strictly: every length is checked against what is left,
 * the frame must hold exactly one message with no trailing bytes, and nested
 * structures the receiver acts on (state vectors, awareness entries) are read in full.
 * The Yjs update inside a sync message is returned undecoded: checking it needs the
 * document it is applied to. Throws FrameDecodeError for anything else.
 */
export function decodeFrame(frame: Uint8Array): CollabFrame {
  const decoder = decoding.createDecoder(frame);
  const messageType = readUint(decoder, 'message type');
  let decoded: CollabFrame;
  switch (messageType) {
    case MessageType.sync:
      decoded = readSync(decoder);
      break;
    case MessageType.awareness: {
      const update = readBytes(decoder, 'awareness update');
      decoded = { kind: 'awareness', update, entries: readAwarenessEntries(update) };
      break;
    }
    case MessageType.queryAwareness:
      decoded = { kind: 'query-awareness' };
      break;
    default:
      throw new FrameDecodeError(`unknown message type ${messageType}`);
  }
  expectEnd(decoder, 'frame');
  return decoded;
}

function readSync(decoder: decoding.Decoder): CollabFrame {
  const step = readUint(decoder, 'sync message type');
  const body = readBytes(decoder, 'sync message body');
  switch (step) {
    case SyncMessageType.step1:
      checkStateVector(body);
      return { kind: 'sync-step-1', stateVector: body };
    case SyncMessageType.step2:
      return { kind: 'sync-step-2', update: body };
    case SyncMessageType.update:
      return { kind: 'update', update: body };
    default:
      throw new FrameDecodeError(`unknown sync message type ${step}`);
  }
}

/** A state vector is a count followed by that many (client, clock) pairs. */
function checkStateVector(stateVector: Uint8Array): void {
  const decoder = decoding.createDecoder(stateVector);
  const count = readUint(decoder, 'state vector length');
  // Each pair takes at least two bytes, so a larger count cannot be honest.
  if (count * 2 > stateVector.length) {
    throw new FrameDecodeError('state vector length exceeds the frame');
  }
  for (let i = 0; i < count; i++) {
    readUint(decoder, 'state vector client');
    readUint(decoder, 'state vector clock');
  }
  expectEnd(decoder, 'state vector');
}

function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readUint(decoder, 'awareness entry count');
  if (count * 3 > update.length)
    throw new FrameDecodeError('awareness entry count exceeds the frame');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readUint(decoder, 'awareness client id');
    const clock = readUint(decoder, 'awareness clock');
    const json = readBytes(decoder, 'awareness state');
    if (json.length > MAX_AWARENESS_STATE_BYTES) {
      throw new FrameDecodeError('awareness state is too large');
    }
    entries.push({ clientId, clock, state: parseJson(json) });
  }
  expectEnd(decoder, 'awareness update');
  return entries;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new FrameDecodeError('awareness state is not JSON');
  }
}

/** Yjs clocks and client ids are at most 2^53; lib0 already refuses larger varints. */
function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new FrameDecodeError(`truncated or oversized ${what}`);
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = readUint(decoder, `${what} length`);
  if (length > decoder.arr.length - decoder.pos) {
    throw new FrameDecodeError(`${what} length ${length} exceeds the frame`);
  }
  return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw new FrameDecodeError(`trailing bytes after ${what}`);
}
