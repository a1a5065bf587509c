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
});
