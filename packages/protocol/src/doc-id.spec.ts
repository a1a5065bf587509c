import { isDocId } from './doc-id';

describe('docId', () => {
  it('accepts ObjectIds and UUIDs', () => {
    expect(isDocId('65f1c2a9e4b0a1b2c3d4e5f6')).toBe(true);
    expect(isDocId('0b7e4c5a-8d7e-4c1a-9f0e-2b3c4d5e6f70')).toBe(true);
  });

  it.each([[''], ['../etc'], ['a'.repeat(65)], [42], [null], [{ $ne: '' }]])(
    'refuses %p',
    (value) => {
      expect(isDocId(value)).toBe(false);
    },
  );
});
