import { Awareness, Y, awarenessProtocol, encodeAwarenessStates } from '@coproduce/protocol';
import { drawableAwareness, drawableState } from './drawable-presence';

/** The page's replica: one paragraph, and the caret someone honest would share in it. */
function page() {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('Named key worker');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const honestCursor = JSON.parse(
    JSON.stringify({
      anchor: Y.createRelativePositionFromTypeIndex(text, 2, -1),
      head: Y.createRelativePositionFromTypeIndex(text, 5, -1),
    }),
  ) as unknown;
  return { doc, honestCursor };
}

/** Remote states arriving as they would from the socket, whatever their shape. */
function receive(awareness: Awareness, states: Array<[number, unknown]>): void {
  const update = encodeAwarenessStates(
    states.map(([clientId, state]) => ({ clientId, clock: 1, json: JSON.stringify(state) })),
  );
  awarenessProtocol.applyAwarenessUpdate(awareness, update, 'server');
}

describe('which presences the editor draws', () => {
  const user = { name: 'Priya Shah', color: '#005eb8', role: 'steering-member' };

  it.each([
    ['a cursor of nulls', { user, cursor: { anchor: null, head: null } }],
    ['a cursor of empty objects', { user, cursor: { anchor: {}, head: {} } }],
    ['a state that is not an object', 'hello'],
  ])('never hands the caret plugin %s', (_what, state) => {
    const { doc } = page();
    expect(drawableState(state, doc)).toBeNull();
  });

  it('would have thrown where the caret plugin reads a cursor of nulls', () => {
    expect(() => Y.createRelativePositionFromJSON(null)).toThrow();
  });

  it('draws an honest caret as it is, and a person whose caret cannot be placed without it', () => {
    const { doc, honestCursor } = page();
    expect(drawableState({ user, cursor: honestCursor }, doc)).toEqual({
      user,
      cursor: honestCursor,
    });
    // Text this replica has not received yet, and a type it does not have.
    const ahead = {
      anchor: { type: null, tname: 'default', item: { client: 99, clock: 12 }, assoc: 0 },
      head: { type: null, tname: 'default', item: { client: 99, clock: 12 }, assoc: 0 },
    };
    const elsewhere = {
      anchor: { type: null, tname: 'secrets', item: null, assoc: 0 },
      head: { type: null, tname: 'secrets', item: null, assoc: 0 },
    };
    expect(drawableState({ user, cursor: ahead }, doc)).toEqual({ user, cursor: null });
    expect(drawableState({ user, cursor: elsewhere }, doc)).toEqual({ user, cursor: null });
    expect([...doc.share.keys()]).toEqual(['default']);
  });

  it('the awareness the editor reads leaves bad states out and passes the rest through', () => {
    const { doc, honestCursor } = page();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Me', color: '#007f3b' });
    receive(awareness, [
      [101, { user, cursor: honestCursor }],
      [102, { user, cursor: { anchor: null, head: null } }],
      [103, { user, cursor: { anchor: {}, head: {} } }],
    ]);
    const drawn = drawableAwareness(awareness, doc);

    expect([...drawn.getStates().keys()].sort()).toEqual([doc.clientID, 101].sort());
    expect([...drawn.states.keys()].sort()).toEqual([doc.clientID, 101].sort());
    // What the editor writes goes to the real awareness.
    drawn.setLocalStateField('cursor', honestCursor);
    expect(awareness.getLocalState()).toMatchObject({ cursor: honestCursor });
    const changes: number[] = [];
    drawn.on('change', () => changes.push(1));
    receive(awareness, [[104, { user }]]);
    expect(changes).toEqual([1]);
    awareness.destroy();
  });
});
