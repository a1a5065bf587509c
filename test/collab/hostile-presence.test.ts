import { encodeAwareness, encodeAwarenessStates, Y } from '@coproduce/protocol';
import { specificationFragment } from '@coproduce/specification-document';
import { DEMO_EMAIL, signIn } from '../support/api';
import {
  collabApp,
  createSpecification,
  eventually,
  openSpecification,
  rawClient,
  type RawCollabClient,
} from '../support/collab';

/** An awareness frame carrying whatever states it is given, as a hostile client would send. */
function presenceFrame(states: Array<[clientId: number, state: unknown]>): Uint8Array {
  return encodeAwareness(
    encodeAwarenessStates(
      states.map(([clientId, state]) => ({ clientId, clock: 1, json: JSON.stringify(state) })),
    ),
  );
}

const bytesOf = (client: RawCollabClient, docId: string) =>
  client.frames
    .filter((frame) => frame.docId === docId)
    .reduce((total, frame) => total + frame.payload.length, 0);

describe('presence from a hostile member', () => {
  const app = collabApp();
  const sockets: RawCollabClient[] = [];

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  async function joined(role: 'observer' | 'engagement-lead', docId: string) {
    const email = DEMO_EMAIL[role];
    const socket = await rawClient(app.url, await signIn(app.url, email));
    sockets.push(socket);
    expect((await socket.join(docId)).ok).toBe(true);
    // What a join sends (sync step 1, presences, what is saved) is not what is measured.
    await eventually(() => socket.frames.some((frame) => frame.docId === docId), 'joined');
    return socket;
  }

  it('a cursor the editor cannot draw is refused with a message, and nobody else receives it', async () => {
    const docId = await createSpecification(app.url, 'Poisoned presence');
    const watcher = await openSpecification(await app.connect('commissioner'), docId);
    const observer = await joined('observer', docId);

    observer.send(docId, presenceFrame([[4242, { cursor: { anchor: null, head: null } }]]));
    observer.send(docId, presenceFrame([[4242, { user: {}, cursor: { anchor: {}, head: {} } }]]));
    await eventually(() => observer.errors.length >= 2, 'both are answered');
    expect(observer.errors).toEqual([
      expect.objectContaining({
        docId,
        code: 'bad-message',
        message: expect.stringMatching(/cursor/),
      }),
      expect.objectContaining({
        docId,
        code: 'bad-message',
        message: expect.stringMatching(/cursor/),
      }),
    ]);

    // Someone opening the page afterwards is not sent them either.
    const late = await openSpecification(await app.connect('expert-by-experience'), docId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.provider.awareness.getStates().has(4242)).toBe(false);
    expect(late.provider.awareness.getStates().has(4242)).toBe(false);
  });

  it('an honest caret is relayed with the name and role of the account', async () => {
    const docId = await createSpecification(app.url, 'Honest caret');
    const watcher = await openSpecification(await app.connect('commissioner'), docId);
    const expert = await openSpecification(await app.connect('expert-by-experience'), docId);
    const heading = specificationFragment(expert.doc).get(0) as Y.XmlElement;
    const text = heading.get(0) as Y.XmlText;
    const cursor = {
      anchor: Y.createRelativePositionFromTypeIndex(text, 1, -1),
      head: Y.createRelativePositionFromTypeIndex(text, 4, -1),
    };
    expert.provider.awareness.setLocalState({ user: { color: '#007f3b' }, cursor });

    const seen = () =>
      watcher.provider.awareness.getStates().get(expert.doc.clientID) as
        { user?: { name?: string; role?: string }; cursor?: unknown } | undefined;
    await eventually(() => seen()?.cursor != null, 'the caret reaches the commissioner');
    expect(seen()).toEqual({
      user: { name: 'Jordan Reid', role: 'expert-by-experience', color: '#007f3b' },
      cursor: JSON.parse(JSON.stringify(cursor)) as unknown,
    });
  });

  it('an observer flooding presences (40 frames of 60 client ids) is refused and nothing reaches anyone', async () => {
    const docId = await createSpecification(app.url, 'Presence flood');
    const lead = await joined('engagement-lead', docId);
    const observer = await joined('observer', docId);
    const before = bytesOf(lead, docId);

    const bulky = { user: { color: '#005eb8' }, notes: 'x'.repeat(15 * 1024) };
    const small = { user: { color: '#005eb8' } };
    for (let frame = 0; frame < 40; frame++) {
      const state = frame % 2 === 0 ? bulky : small;
      observer.send(
        docId,
        presenceFrame(Array.from({ length: 60 }, (_, i) => [10_000 + frame * 60 + i, state])),
      );
    }
    await eventually(() => observer.errors.length >= 40, 'every frame is answered', 30_000);
    expect(new Set(observer.errors.map((error) => error.code))).toEqual(new Set(['bad-message']));
    expect(observer.errors.some((error) => /at most 2 presences/.test(error.message))).toBe(true);

    // The honest presence of a tab still goes through, and is all the other member gets.
    observer.send(docId, presenceFrame([[77, small]]));
    await eventually(() => bytesOf(lead, docId) > before, 'the honest presence arrives');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bytesOf(lead, docId) - before).toBeLessThan(1024);
  });
});

describe('presences past what one specification may hold', () => {
  const app = collabApp({ env: { COLLAB_MAX_PRESENCE_BYTES: '4096' } });

  it('are refused with a message once COLLAB_MAX_PRESENCE_BYTES is reached, and never relayed', async () => {
    const docId = await createSpecification(app.url, 'Crowded presence');
    const watcher = await openSpecification(await app.connect('commissioner'), docId);
    const heading = specificationFragment(watcher.doc).get(0) as Y.XmlElement;
    const text = heading.get(0) as Y.XmlText;
    const cursor = {
      anchor: Y.createRelativePositionFromTypeIndex(text, 1, -1),
      head: Y.createRelativePositionFromTypeIndex(text, 4, -1),
    };
    const token = await signIn(app.url, DEMO_EMAIL.observer);
    const sockets: RawCollabClient[] = [];
    try {
      // One person in many tabs, each sharing what a tab may: about 250 bytes a presence.
      for (let tab = 0; tab < 12; tab++) {
        const socket = await rawClient(app.url, token);
        sockets.push(socket);
        expect((await socket.join(docId)).ok).toBe(true);
        socket.send(
          docId,
          presenceFrame([
            [20_000 + tab * 2, { user: { color: '#005eb8' }, cursor }],
            [20_001 + tab * 2, { user: { color: '#005eb8' }, cursor }],
          ]),
        );
      }
      const refusals = () => sockets.flatMap((socket) => socket.errors);
      await eventually(() => refusals().length > 0, 'the crowd is refused at some point');
      expect(refusals()[0]).toMatchObject({
        code: 'bad-message',
        message: expect.stringMatching(/as many people as it can/),
      });

      await new Promise((resolve) => setTimeout(resolve, 300));
      const shown = [...watcher.provider.awareness.getStates().values()];
      const weight = shown.reduce<number>(
        (total, state) => total + JSON.stringify(state).length,
        0,
      );
      expect(weight).toBeLessThanOrEqual(4096);
      // Leaving makes room again.
      sockets[0].close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const late = sockets.at(-1) as RawCollabClient;
      const errorsBefore = late.errors.length;
      late.send(docId, presenceFrame([[20_023, { user: { color: '#005eb8' } }]]));
      await eventually(
        () => watcher.provider.awareness.getStates().has(20_023),
        'a presence fits once someone left',
      );
      expect(late.errors.length).toBe(errorsBefore);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
