import type { FeedbackLink } from '@coproduce/domain';
import { feedbackPlaces, firstPlaceOf, markerGroups, markerLabel } from './feedback-places';

const anchor = (n: number) => ({ start: `start${n}`, end: `end${n}` });

function link(overrides: Partial<FeedbackLink>): FeedbackLink {
  return {
    specificationId: 'draft',
    specificationName: 'Key worker service',
    anchor: anchor(0),
    quote: 'words',
    currentText: 'words',
    textRemoved: false,
    ...overrides,
  };
}

describe('the places feedback shaped', () => {
  it('are the anchored links into this specification whose words are still there', () => {
    const places = feedbackPlaces(
      [
        {
          id: 'a',
          links: [
            link({ anchor: anchor(1) }),
            link({ specificationId: 'other', anchor: anchor(2) }),
            link({ anchor: anchor(3) }),
          ],
        },
        {
          id: 'b',
          links: [link({ anchor: null }), link({ anchor: anchor(4), textRemoved: true })],
        },
      ],
      'draft',
    );
    expect(places).toEqual([
      { id: 'a:0', feedbackId: 'a', anchor: anchor(1) },
      { id: 'a:2', feedbackId: 'a', anchor: anchor(3) },
    ]);
  });

  it('begin, for an item, at its earliest place in the text', () => {
    const places = [
      { id: 'a:0', feedbackId: 'a', anchor: anchor(1) },
      { id: 'a:1', feedbackId: 'a', anchor: anchor(2) },
      { id: 'b:0', feedbackId: 'b', anchor: anchor(3) },
    ];
    const ranges = new Map([
      ['a:0', { from: 40, to: 50 }],
      ['a:1', { from: 10, to: 20 }],
    ]);
    expect(firstPlaceOf('a', places, ranges)).toEqual({ from: 10, to: 20 });
    expect(firstPlaceOf('b', places, ranges)).toBeNull();
  });
});

describe('the margin markers', () => {
  it('are one per paragraph, at its first place, naming each item once, in text order', () => {
    expect(
      markerGroups([
        { feedbackId: 'c', from: 90, block: 80 },
        { feedbackId: 'a', from: 30, block: 2 },
        { feedbackId: 'b', from: 12, block: 2 },
        { feedbackId: 'a', from: 50, block: 2 },
      ]),
    ).toEqual([
      { at: 12, feedbackIds: ['b', 'a'] },
      { at: 90, feedbackIds: ['c'] },
    ]);
    expect(markerGroups([])).toEqual([]);
  });

  it('are named with how many items', () => {
    expect(markerLabel(1)).toBe('Feedback: 1 item');
    expect(markerLabel(3)).toBe('Feedback: 3 items');
  });
});
