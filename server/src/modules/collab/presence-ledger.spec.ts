import { Y, decodeFrame, encodeAwareness, encodeAwarenessStates } from '@coproduce/protocol';
import type { Role } from '@coproduce/protocol';
import type { DocumentMember } from './document-member';
import { MAX_PRESENCES_PER_CONNECTION, PresenceLedger } from './presence-ledger';

function memberOf(connectionId: string, userId: string, role: Role = 'observer'): DocumentMember {
  return {
    connectionId,
    userId,
    name: `Account ${userId}`,
    role,
    canEdit: false,
    send: () => undefined,
  };
}

/** The server's document: one paragraph of text, as the template gives it. */
function specification(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('Named key worker for every young person');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return { doc, text };
}

/** An awareness frame's entries, as the gateway hands them over: any state, honest or not. */
function entriesOf(states: Array<[clientId: number, state: unknown]>) {
  const update = encodeAwarenessStates(
    states.map(([clientId, state]) => ({ clientId, clock: 1, json: JSON.stringify(state) })),
  );
  const frame = decodeFrame(encodeAwareness(update));
  if (frame.kind !== 'awareness') throw new Error('not an awareness frame');
  return frame.entries;
}

describe('the presences a document lets its members share', () => {
  let doc: Y.Doc;
  let text: Y.XmlText;
  let ledger: PresenceLedger;
  let present: Map<number, unknown>;
  const sam = memberOf('socket-sam', 'user-sam');
  const sameSamLater = memberOf('socket-sam-2', 'user-sam');
  const alex = memberOf('socket-alex', 'user-alex');
  const connections = new Map([sam, sameSamLater, alex].map((m) => [m.connectionId, m]));

  beforeEach(() => {
    ({ doc, text } = specification());
    ledger = new PresenceLedger(doc, 4 * 1024);
    present = new Map();
  });

  /** Admits a frame and, like the open document, applies what was admitted. */
  function share(member: DocumentMember, states: Array<[number, unknown]>) {
    const admission = ledger.admit(
      member,
      entriesOf(states),
      (connectionId) => connections.get(connectionId)?.userId === member.userId,
      present,
    );
    if (admission.refusal) return { refusal: admission.refusal, states: [] };
    const admitted = decodeFrame(encodeAwareness(admission.update));
    if (admitted.kind !== 'awareness') throw new Error('not an awareness update');
    for (const entry of admitted.entries) {
      if (entry.state === null) present.delete(entry.clientId);
      else present.set(entry.clientId, entry.state);
    }
    ledger.changed(
      admitted.entries.map((entry) => entry.clientId),
      present,
    );
    return { refusal: null, states: admitted.entries.map((entry) => entry.state) };
  }

  const cursorAt = (index: number) =>
    JSON.parse(
      JSON.stringify({
        anchor: Y.createRelativePositionFromTypeIndex(text, index, -1),
        head: Y.createRelativePositionFromTypeIndex(text, index + 3, -1),
      }),
    ) as unknown;

  it('relays the editor’s own presence with the name and role of the account', () => {
    const cursor = cursorAt(5);
    const { refusal, states } = share(sam, [
      [11, { user: { name: 'The Commissioner', color: '#005eb8', role: 'commissioner' }, cursor }],
    ]);
    expect(refusal).toBeNull();
    expect(states).toEqual([
      { user: { name: 'Account user-sam', color: '#005eb8', role: 'observer' }, cursor },
    ]);
  });

  it.each([
    ['a cursor of nulls', { cursor: { anchor: null, head: null } }],
    ['a cursor of empty objects', { cursor: { anchor: {}, head: {} } }],
    ['a 15 kB state', { user: { name: 'x' }, notes: 'x'.repeat(15_000) }],
  ])('refuses %s with a message, and relays nothing', (_what, state) => {
    const { refusal, states } = share(sam, [[11, state]]);
    expect(refusal).toMatchObject({
      code: 'bad-message',
      message: expect.stringMatching(/^A presence/),
    });
    expect(states).toEqual([]);
    expect(present.size).toBe(0);
  });

  it('leaves out a cursor that points at text the document does not hold, or at another type', () => {
    const elsewhere = new Y.Doc();
    elsewhere.getText('default').insert(0, 'not in the specification');
    const unknownText = JSON.parse(
      JSON.stringify({
        anchor: Y.createRelativePositionFromTypeIndex(elsewhere.getText('default'), 2),
        head: Y.createRelativePositionFromTypeIndex(elsewhere.getText('default'), 2),
      }),
    ) as unknown;
    const otherRoot = {
      anchor: { type: null, tname: 'secrets', item: null, assoc: 0 },
      head: { type: null, tname: 'secrets', item: null, assoc: 0 },
    };
    expect(share(sam, [[11, { cursor: unknownText }]]).states).toEqual([
      { user: { name: 'Account user-sam', role: 'observer' }, cursor: null },
    ]);
    expect(share(sam, [[11, { cursor: otherRoot }]]).states).toEqual([
      { user: { name: 'Account user-sam', role: 'observer' }, cursor: null },
    ]);
    // Looking a root type up by name creates it: the server's document must not grow one.
    expect([...doc.share.keys()]).toEqual(['default']);
  });

  it(`lets one connection share at most ${MAX_PRESENCES_PER_CONNECTION} presences; one that left frees its place`, () => {
    expect(
      share(sam, [
        [1, {}],
        [2, {}],
      ]).refusal,
    ).toBeNull();
    expect(share(sam, [[3, {}]]).refusal).toMatchObject({ code: 'bad-message' });
    expect(present.has(3)).toBe(false);
    expect(
      share(sam, [
        [2, null],
        [3, {}],
      ]).refusal,
    ).toBeNull();
    expect([...present.keys()].sort()).toEqual([1, 3]);
    const sixty = Array.from({ length: 60 }, (_, i): [number, unknown] => [100 + i, {}]);
    expect(share(alex, sixty).refusal).toMatchObject({ code: 'bad-message' });
    expect(present.size).toBe(2);
  });

  it('refuses presences past what the document may hold, but lets anyone shrink or leave', () => {
    const cursor = cursorAt(1);
    let shared = 0;
    for (let clientId = 1; clientId < 100; clientId++) {
      const member = memberOf(`socket-${clientId}`, `user-${clientId}`);
      if (share(member, [[clientId, { user: { color: '#005eb8' }, cursor }]]).refusal) break;
      shared++;
    }
    // About 300 bytes each, within 4 kB.
    expect(shared).toBeGreaterThan(5);
    expect(shared).toBeLessThan(20);
    const late = memberOf('socket-late', 'user-late');
    expect(share(late, [[500, { cursor }]]).refusal?.message).toMatch(/as many people as it can/);
    const first = memberOf('socket-1', 'user-1');
    expect(share(first, [[1, {}]]).refusal).toBeNull();
    expect(share(late, [[500, {}]]).refusal).toBeNull();
  });

  it('nobody may speak for someone else’s presence; the same person on a new connection may', () => {
    share(sam, [[7, {}]]);
    expect(share(alex, [[7, null]]).refusal).toMatchObject({ code: 'forbidden' });
    expect(present.has(7)).toBe(true);
    expect(share(sameSamLater, [[7, { user: { color: '#007f3b' } }]]).refusal).toBeNull();
  });
});
