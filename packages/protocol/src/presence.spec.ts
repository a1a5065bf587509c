import { isPresence, presenceProblem } from './presence';
import { Y } from './yjs';

/** A cursor as y-prosemirror writes it, through JSON as the awareness encoding sends it. */
function cursorIn(doc: Y.Doc): unknown {
  const fragment = doc.getXmlFragment('default');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('Named key worker');
  paragraph.insert(0, [text]);
  fragment.insert(0, [paragraph]);
  const cursor = {
    anchor: Y.createRelativePositionFromTypeIndex(text, 3, -1),
    head: Y.createRelativePositionFromTypeIndex(fragment, 0, -1),
  };
  return JSON.parse(JSON.stringify(cursor)) as unknown;
}

describe('the shape of a presence', () => {
  it('is what the editor writes: a user, and a cursor of two relative positions or none', () => {
    const cursor = cursorIn(new Y.Doc());
    expect(presenceProblem({})).toBeNull();
    expect(presenceProblem({ user: { name: 'Amira', color: '#005eb8' }, cursor })).toBeNull();
    expect(presenceProblem({ user: { name: 'Amira', color: '#005eb8' }, cursor: null })).toBeNull();
    expect(isPresence({ user: { color: '#007f3b', role: 'observer' } })).toBe(true);
  });

  it.each([
    ['a cursor of nulls', { cursor: { anchor: null, head: null } }],
    ['a cursor of empty objects', { cursor: { anchor: {}, head: {} } }],
    [
      'a cursor missing its head',
      { cursor: { anchor: { type: null, tname: 'default', item: null, assoc: 0 } } },
    ],
    [
      'a position naming no type',
      {
        cursor: {
          anchor: { type: null, tname: null, item: null, assoc: 0 },
          head: { type: null, tname: null, item: null, assoc: 0 },
        },
      },
    ],
    [
      'a position with a made-up id',
      {
        cursor: {
          anchor: { type: null, tname: 'default', item: { client: -1, clock: 0 }, assoc: 0 },
          head: { type: null, tname: 'default', item: null, assoc: 0 },
        },
      },
    ],
    [
      'a position with a field of its own',
      {
        cursor: {
          anchor: { type: null, tname: 'default', item: null, assoc: 0, x: 1 },
          head: { type: null, tname: 'default', item: null, assoc: 0 },
        },
      },
    ],
    ['a colour that is not RGB', { user: { color: 'red; background: url(https://x)' } }],
    ['a field nobody draws', { user: { name: 'Amira' }, padding: 'x'.repeat(15_000) }],
    ['a user that is text', { user: 'Amira' }],
    ['a long claimed name', { user: { name: 'x'.repeat(15_000) } }],
    ['an array', []],
    ['a number', 7],
  ])('refuses %s, saying why', (_what, state) => {
    expect(presenceProblem(state)).toEqual(expect.stringMatching(/^A presence/));
  });
});
