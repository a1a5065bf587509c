import { ObjectId } from 'bson';
import { CollectionIndex } from './collection-index';

const byWriterAndSeq = () =>
  new CollectionIndex({ v: 2, key: { writer: 1, seq: 1 }, name: 'writer_1_seq_1' });

/** Every `_id` the index holds, in its order. */
const held = (index: CollectionIndex): string[] => [
  ...index.scan(index.pad([], 'low'), index.pad([], 'high')),
];

describe('CollectionIndex', () => {
  it('keeps documents sharing a key until the last of them is removed', () => {
    const index = byWriterAndSeq();
    index.add('a', { writer: 'w', seq: 1 });
    index.add('b', { writer: 'w', seq: 1 });
    index.add('c', { writer: 'w', seq: 2 });
    expect(held(index)).toEqual(['a', 'b', 'c']);

    index.remove('a', { writer: 'w', seq: 1 });
    expect(held(index)).toEqual(['b', 'c']);
    index.remove('b', { writer: 'w', seq: 1 });
    expect(held(index)).toEqual(['c']);
    expect(index.tree.size).toBe(1);
  });

  it('removes nothing for a document it does not hold, and adds one twice only once', () => {
    const index = byWriterAndSeq();
    index.add('a', { writer: 'w', seq: 1 });
    index.add('a', { writer: 'w', seq: 1 });
    index.remove('x', { writer: 'w', seq: 1 });
    index.remove('a', { writer: 'w', seq: 9 });
    expect(held(index)).toEqual(['a']);
  });

  it('removes every key of a document with an array (multikey)', () => {
    const index = new CollectionIndex({ v: 2, key: { tags: 1 }, name: 'tags_1' });
    index.add('a', { tags: ['x', 'y'] });
    index.add('b', { tags: ['y'] });
    index.remove('a', { tags: ['x', 'y'] });
    expect(held(index)).toEqual(['b']);
    expect(index.tree.size).toBe(1);
  });

  describe('keys of top-level fields (read without the general path walk)', () => {
    const compound = (extra: object = {}) =>
      new CollectionIndex({ v: 2, key: { writer: 1, seq: -1 }, name: 'w_s', ...extra });

    it('gives one key of the fields in index order, null for a missing or undefined field', () => {
      const index = compound();
      expect(index.keysOf({ seq: 3, writer: 'w', other: 1 })).toEqual([['w', 3]]);
      expect(index.keysOf({ writer: 'w' })).toEqual([['w', null]]);
      expect(index.keysOf({ writer: undefined, seq: null })).toEqual([[null, null]]);
      expect(index.keysOf({ writer: { nested: 1 }, seq: 1 })).toEqual([[{ nested: 1 }, 1]]);
    });

    it('leaves a document out of a sparse index only when every field is missing', () => {
      const index = compound({ sparse: true });
      expect(index.keysOf({ other: 1 })).toEqual([]);
      expect(index.keysOf({ seq: 2 })).toEqual([[null, 2]]);
    });

    it('expands an array as a multikey index does', () => {
      const index = compound();
      expect(index.keysOf({ writer: 'w', seq: [1, 2, 2] })).toEqual([
        ['w', 1],
        ['w', 2],
      ]);
      expect(index.multikey).toBe(true);
    });

    it('reads a changed document afresh (a put stores a new object)', () => {
      const index = compound();
      const first = { writer: 'w', seq: 1 };
      expect(index.keysOf(first)).toEqual([['w', 1]]);
      expect(index.keysOf({ ...first, seq: 2 })).toEqual([['w', 2]]);
      expect(index.keysOf(first)).toEqual([['w', 1]]);
    });
  });

  it('orders ObjectId keys by their bytes, as MongoDB does', () => {
    const index = new CollectionIndex({ v: 2, key: { _id: 1 }, name: '_id_' });
    const ids = [
      '65a000000000000000000002',
      '65a000000000000000000001',
      'ff0000000000000000000000',
      '000000000000000000000000',
    ];
    for (const id of ids) index.add(id, { _id: new ObjectId(id) });
    expect(held(index)).toEqual([...ids].sort());
  });
});
