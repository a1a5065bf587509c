import { Y } from './yjs';
import { readStateVector, stateVectorCovers } from './saved-coverage';

describe('saved coverage', () => {
  it('reads a state vector as Yjs wrote it', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    expect(readStateVector(Y.encodeStateVector(doc))).toEqual(new Map([[doc.clientID, 3]]));
  });

  it('covers local edits only when every client clock is reached', () => {
    const durable = new Map([
      [1, 10],
      [2, 4],
    ]);
    expect(stateVectorCovers(durable, new Map([[1, 10]]))).toBe(true);
    expect(stateVectorCovers(durable, new Map([[1, 11]]))).toBe(false);
    expect(stateVectorCovers(durable, new Map([[3, 1]]))).toBe(false);
    expect(stateVectorCovers(durable, new Map())).toBe(true);
  });
});
