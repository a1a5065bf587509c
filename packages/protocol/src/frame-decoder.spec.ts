import { Awareness, Y, awarenessProtocol } from './yjs';
import { decodeFrame } from './frame-decoder';
import { FrameDecodeError } from './frame-decode-error';
import {
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './frame-encoder';
import { MessageType } from './message-type';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('yjs frames', () => {
  it('round-trip sync step 1, step 2 and updates', () => {
    const doc = docWithText('Population needs');
    const stateVector = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);

    expect(decodeFrame(encodeSyncStep1(stateVector))).toEqual({
      kind: 'sync-step-1',
      stateVector,
    });
    expect(decodeFrame(encodeSyncStep2(update))).toEqual({ kind: 'sync-step-2', update });
    expect(decodeFrame(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeFrame(encodeQueryAwareness())).toEqual({ kind: 'query-awareness' });
  });

  it('use y-websocket framing: message type, sync type, then a length-prefixed body', () => {
    const doc = docWithText('Outcomes');
    const stateVector = Y.encodeStateVector(doc);
    expect([...encodeSyncStep1(stateVector)]).toEqual([
      MessageType.sync,
      0,
      stateVector.length,
      ...stateVector,
    ]);
    const update = Y.encodeStateAsUpdate(doc);
    expect([...encodeUpdate(update)].slice(0, 2)).toEqual([MessageType.sync, 2]);
    expect([...encodeSyncStep2(update)].slice(0, 2)).toEqual([MessageType.sync, 1]);
    expect(encodeQueryAwareness()).toEqual(Uint8Array.of(MessageType.queryAwareness));
  });

  it('carry awareness entries with their parsed state', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ name: 'Amira', role: 'expert-by-experience', colour: '#005eb8' });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const frame = decodeFrame(encodeAwareness(update));
    expect(frame).toEqual({
      kind: 'awareness',
      update,
      entries: [
        {
          clientId: doc.clientID,
          clock: 1,
          state: { name: 'Amira', role: 'expert-by-experience', colour: '#005eb8' },
        },
      ],
    });
    awareness.destroy();
  });

  it.each([
    ['an empty frame', []],
    ['a truncated varint', [0x80]],
    ['an unknown message type', [7]],
    ['the auth message type, which this protocol does not use', [2, 0]],
    ['an unknown sync type', [0, 9, 0]],
    ['a sync body longer than the frame', [0, 2, 0xff, 0xff, 0x03, 1, 2]],
    ['a huge length', [0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['trailing bytes', [3, 0]],
    ['a state vector claiming more pairs than it holds', [0, 0, 2, 50, 1]],
    ['a state vector with trailing bytes', [0, 0, 3, 0, 0, 0]],
    ['an awareness update that is not JSON', [1, 5, 1, 1, 1, 1, 0x7b]],
    ['an awareness update with a missing entry', [1, 1, 2]],
  ])('refuse %s', (_name, bytes) => {
    expect(() => decodeFrame(Uint8Array.from(bytes))).toThrow(FrameDecodeError);
  });

  it('refuse an oversized awareness state', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ name: 'x'.repeat(20_000) });
    const frame = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    );
    expect(() => decodeFrame(frame)).toThrow(/too large/);
    awareness.destroy();
  });

  it('never throw anything but FrameDecodeError on random bytes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: random() % 24 }, () => random() % 256);
      try {
        decodeFrame(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(FrameDecodeError);
      }
    }
  });
});
