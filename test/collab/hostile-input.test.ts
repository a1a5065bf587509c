import {
  Awareness,
  awarenessProtocol,
  decodeFrame,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  Y,
} from '@coproduce/protocol';
import type { CollabConnection } from '@coproduce/collab-provider';
import { specificationFragment } from '@coproduce/specification-document';
import { DEMO_EMAIL, signIn } from '../support/api';
import { startApp, type RunningApp } from '../support/app';
import {
  connectAs,
  contentOf,
  createSpecification,
  eventually,
  openSpecification,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

/** A small deterministic generator, so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (below: number) => Math.floor(next() * below),
    bytes: (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256)),
  };
}

/** Valid frames of every kind, to mutate. */
function sampleFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'Evidence from the drop-in sessions');
  const first = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.getText('notes').delete(3, 5);
  specificationFragment(doc).insert(0, [new Y.XmlElement('paragraph')]);
  const second = Y.encodeStateAsUpdate(doc, stateVector);
  const awareness = new Awareness(doc);
  awareness.setLocalState({ name: 'Fuzz', colour: '#000000' });
  const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return [
    encodeSyncStep1(stateVector),
    encodeSyncStep2(first),
    encodeUpdate(first),
    encodeUpdate(second),
    encodeAwareness(presence),
    encodeQueryAwareness(),
  ];
}

/**
 * Frames an honest server may accept without a word: reads (sync step 1, presence,
 * query) and updates that change nothing. Everything else a read-only member sends
 * must be answered with doc:error.
 */
function isHarmlessRead(frame: Uint8Array): boolean {
  let decoded;
  try {
    decoded = decodeFrame(frame);
  } catch {
    return false;
  }
  if (decoded.kind !== 'update' && decoded.kind !== 'sync-step-2') return true;
  try {
    const { structs, ds } = Y.decodeUpdate(decoded.update);
    return structs.length === 0 && ds.clients.size === 0;
  } catch {
    return false;
  }
}

function mutate(random: ReturnType<typeof randomSource>, frames: Uint8Array[]): Uint8Array {
  const base = frames[random.int(frames.length)];
  const copy = Uint8Array.from(base);
  switch (random.int(7)) {
    case 0: // flip a byte
      copy[random.int(copy.length)] ^= 1 << random.int(8);
      return copy;
    case 1: // truncate, often inside a varint
      return copy.slice(0, random.int(copy.length));
    case 2: // a huge length where a length goes
      return Uint8Array.from([
        copy[0],
        copy[1] ?? 0,
        0xff,
        0xff,
        0xff,
        0xff,
        0x0f,
        ...copy.slice(3),
      ]);
    case 3: {
      // overwrite a run of bytes
      const run = Math.min(4, copy.length);
      copy.set(random.bytes(run), random.int(copy.length - run + 1));
      return copy;
    }
    case 4: // trailing garbage
      return Uint8Array.from([...copy, ...random.bytes(1 + random.int(8))]);
    case 5: // an unknown message type
      return Uint8Array.from([4 + random.int(250), ...copy.slice(1)]);
    default: // pure noise
      return random.bytes(random.int(64));
  }
}

describe('hostile input on /collab', () => {
  let app: RunningApp;
  let docA: string;
  let docB: string;
  const connections: Array<CollabConnection | RawCollabClient> = [];

  beforeAll(async () => {
    app = await startApp();
    [docA, docB] = await Promise.all([
      createSpecification(app.url, 'Fuzzed A'),
      createSpecification(app.url, 'Fuzzed B'),
    ]);
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await app?.stop();
  });

  async function snapshotOf(docId: string): Promise<{ content: string; stateVector: number[] }> {
    const connection = await connectAs(app.url, 'commissioner');
    connections.push(connection);
    const { doc, provider } = await openSpecification(connection, docId);
    const result = {
      content: contentOf(doc) + doc.getText('notes').toString(),
      stateVector: [...Y.encodeStateVector(doc)],
    };
    provider.destroy();
    connection.close();
    return result;
  }

  it('10,000+ random and mutated frames: no crash, no change to any document, each answered', async () => {
    const before = { a: await snapshotOf(docA), b: await snapshotOf(docB) };
    const observer: RawCollabClient = await rawClient(
      app.url,
      await signIn(app.url, DEMO_EMAIL.observer),
    );
    connections.push(observer);
    const editor: RawCollabClient = await rawClient(
      app.url,
      await signIn(app.url, DEMO_EMAIL['steering-member']),
    );
    connections.push(editor);
    expect((await observer.join(docA)).ok).toBe(true);
    expect((await editor.join(docA)).ok).toBe(true);

    const random = randomSource(20_261_124);
    const samples = sampleFrames();
    let expectedObserverErrors = 0;
    let expectedEditorErrors = 0;

    // Mutated and random frames from a read-only member of A.
    for (let sent = 0; sent < 10_000;) {
      const frame = mutate(random, samples);
      if (isHarmlessRead(frame)) continue;
      observer.send(docA, frame);
      expectedObserverErrors++;
      sent++;
      // Keep the socket's buffer small, as a real flood would be paced by TCP.
      if (sent % 500 === 0) {
        await eventually(() => observer.errors.length >= expectedObserverErrors - 100, 'answers');
      }
    }

    // Wrong types and wrong targets.
    const wrong: Array<[unknown, unknown]> = [
      [docA, 'a string'],
      [docA, 42],
      [docA, { 0: 0, length: 1 }],
      [docA, null],
      [docA, [0, 0, 0]],
      [42, encodeQueryAwareness()],
      [{ $gt: '' }, encodeQueryAwareness()],
      ['../../etc/passwd', encodeQueryAwareness()],
      ['x'.repeat(500), encodeQueryAwareness()],
      [docA, new Uint8Array(1024 * 1024 + 1)],
    ];
    for (const [docId, payload] of wrong) {
      observer.send(docId, payload);
      expectedObserverErrors++;
    }

    // Valid-looking updates from an editor: for a document they have not joined, and
    // ones that depend on edits the server never saw.
    const elsewhere = new Y.Doc();
    elsewhere.getText('notes').insert(0, 'meant for another document');
    const missingBase = Y.encodeStateVector(elsewhere);
    elsewhere.getText('notes').insert(5, 'depends on the first insert');
    const dependent = encodeUpdate(Y.encodeStateAsUpdate(elsewhere, missingBase));
    for (let i = 0; i < 50; i++) {
      editor.send(docB, encodeUpdate(Y.encodeStateAsUpdate(elsewhere)));
      editor.send(docA, dependent);
      expectedEditorErrors += 2;
    }

    await eventually(
      () =>
        observer.errors.length >= expectedObserverErrors &&
        editor.errors.length >= expectedEditorErrors,
      'every hostile frame is answered',
      60_000,
    );
    expect(observer.errors.length).toBe(expectedObserverErrors);
    expect(editor.errors.length).toBe(expectedEditorErrors);
    const codes = new Set([...observer.errors, ...editor.errors].map((error) => error.code));
    expect(
      [...codes].every((code) => ['bad-message', 'forbidden', 'not-joined'].includes(code)),
    ).toBe(true);
    expect(
      editor.errors.filter((error) => error.docId === docB).every((e) => e.code === 'not-joined'),
    ).toBe(true);

    // The server is up, the documents are untouched, and honest editing still works.
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect(await snapshotOf(docA)).toEqual(before.a);
    expect(await snapshotOf(docB)).toEqual(before.b);
    const connection = await connectAs(app.url, 'commissioner');
    connections.push(connection);
    const honest = await openSpecification(connection, docA);
    honest.doc.getText('notes').insert(0, 'still working');
    await honest.provider.whenSaved();
  });
});
