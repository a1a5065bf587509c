import { Types } from 'mongoose';
import type { StoredFeedbackLink } from './feedback.schema';
import { keptLink } from './kept-link';

const draft = new Types.ObjectId();
const other = new Types.ObjectId();
const anchor = { start: 'AQID', end: 'BAUG' };
const stored: StoredFeedbackLink[] = [
  { specificationId: draft, anchor, quote: 'one named person' },
  { specificationId: other, anchor: null, quote: null },
];

describe('a feedback link asked for again', () => {
  it('is kept as stored when the anchor is the same and the quote is the one stored or none', () => {
    expect(keptLink(stored, { specificationId: draft, anchor: { ...anchor } })).toBe(stored[0]);
    expect(
      keptLink(stored, {
        specificationId: new Types.ObjectId(draft.toHexString()),
        anchor: { ...anchor },
        quote: 'one named person',
      }),
    ).toBe(stored[0]);
    expect(keptLink(stored, { specificationId: other })).toBe(stored[1]);
  });

  it('is new when the specification, the anchor or the quote differ', () => {
    expect(keptLink(stored, { specificationId: other, anchor })).toBeUndefined();
    expect(
      keptLink(stored, { specificationId: draft, anchor: { start: 'AQID', end: 'BwgJ' } }),
    ).toBeUndefined();
    expect(
      keptLink(stored, { specificationId: draft, anchor, quote: 'another person' }),
    ).toBeUndefined();
    expect(keptLink(stored, { specificationId: draft })).toBeUndefined();
    expect(keptLink([], { specificationId: draft, anchor })).toBeUndefined();
  });
});
