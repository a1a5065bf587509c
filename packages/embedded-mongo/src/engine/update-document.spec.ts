import { applyUpdate } from './update-document';

describe('applying updates', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes __proto__ paths into the document itself, never into Object.prototype', () => {
    const { doc } = applyUpdate(
      { _id: 1, title: 'Key worker service' },
      { $addToSet: { '__proto__.polluted': 'yes' }, $inc: { 'constructor.count': 1 } },
    );
    expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(doc.title).toBe('Key worker service');
  });

  it('adds new fields after existing ones, in name order, and leaves the original untouched', () => {
    const original = { _id: 1, title: 'Draft', stage: 'plan' };
    const { doc, modified } = applyUpdate(original, {
      $set: { zebra: 1, stage: 'do' },
      $inc: { apple: 1 },
    });
    expect(modified).toBe(true);
    expect(Object.keys(doc)).toEqual(['_id', 'title', 'stage', 'apple', 'zebra']);
    expect(original).toEqual({ _id: 1, title: 'Draft', stage: 'plan' });
  });

  it('reports no modification when the update changes nothing', () => {
    expect(applyUpdate({ _id: 1, tags: ['a'] }, { $addToSet: { tags: 'a' } }).modified).toBe(false);
  });
});
