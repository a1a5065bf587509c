import type { Feedback, FeedbackLink } from '@coproduce/domain';
import {
  allTextRemoved,
  feedbackListAddress,
  linksHere,
  linksWith,
  shortened,
  whereSaid,
  whoSaidIt,
} from './feedback-words';

const anchor = { start: 'AQID', end: 'BAUG' };

function link(overrides: Partial<FeedbackLink> = {}): FeedbackLink {
  return {
    specificationId: 'draft',
    specificationName: 'Key worker service',
    anchor,
    quote: 'one named person',
    currentText: 'one named person',
    textRemoved: false,
    ...overrides,
  };
}

describe('who said it and where', () => {
  it('names the audience, with the age band of children and young people', () => {
    expect(whoSaidIt({ audience: 'parents-and-carers', ageBand: null })).toBe('Parents and carers');
    expect(whoSaidIt({ audience: 'children-and-young-people', ageBand: '16-18' })).toBe(
      'Children and young people aged 16 to 18 years',
    );
    expect(whoSaidIt({ audience: 'children-and-young-people', ageBand: null })).toBe(
      'Children and young people',
    );
  });

  it('names the event with its type and date, or the other source', () => {
    expect(
      whereSaid({
        event: {
          id: 'e',
          title: 'Family hub drop-in',
          type: 'drop-in',
          startsAt: '2025-03-12T10:00:00.000Z',
        },
        source: '',
      }),
    ).toBe('Drop-in session: Family hub drop-in, 12 March 2025');
    expect(whereSaid({ event: null, source: 'An email to the commissioners' })).toBe(
      'An email to the commissioners',
    );
    expect(whereSaid({ event: null, source: ' ' })).toBe('Not recorded');
  });
});

describe('shortened words', () => {
  it('are kept whole when short enough, and cut at a word with an ellipsis otherwise', () => {
    expect(shortened('Text me.  Don’t send\nletters.', 40)).toBe('Text me. Don’t send letters.');
    expect(shortened('We have had five different workers in three years', 20)).toBe(
      'We have had five…',
    );
    expect(shortened('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });
});

describe('the links of an item in this specification', () => {
  const item = {
    links: [
      link(),
      link({ specificationId: 'other' }),
      link({ anchor: null, quote: null, currentText: null }),
    ],
  };

  it('are the ones into this specification, in the item’s order', () => {
    expect(linksHere(item, 'draft')).toEqual([item.links[0], item.links[2]]);
  });

  it('have all lost their words only when every anchored one has', () => {
    expect(allTextRemoved(item, 'draft')).toBe(false);
    expect(
      allTextRemoved(
        { links: [link({ textRemoved: true, currentText: null }), link({ anchor: null })] },
        'draft',
      ),
    ).toBe(true);
    expect(allTextRemoved({ links: [link({ anchor: null })] }, 'draft')).toBe(false);
  });
});

describe('linking an item to more words', () => {
  it('sends every link it has, as each was made, then the new one', () => {
    const item: Pick<Feedback, 'links'> = {
      links: [
        link({ textRemoved: true, currentText: null }),
        link({ specificationId: 'other', quote: 'elsewhere' }),
        link({ anchor: null, quote: null, currentText: null }),
      ],
    };
    const added = {
      specificationId: 'draft',
      anchor: { start: 'BwgJ', end: 'CgsM' },
      quote: 'new words',
    };
    expect(linksWith(item, added)).toEqual([
      { specificationId: 'draft', anchor, quote: 'one named person' },
      { specificationId: 'other', anchor, quote: 'elsewhere' },
      { specificationId: 'draft' },
      added,
    ]);
  });
});

describe('the item in the feedback list', () => {
  it('opens the list on this specification, searched for the item’s first whole words', () => {
    const address = feedbackListAddress('w 1', 'draft', {
      text: 'We have had five different workers in three years. Every time we start again.',
    });
    const [path, query] = address.split('?');
    expect(path).toBe('/workspaces/w%201/engagement/feedback');
    const params = new URLSearchParams(query);
    expect(params.get('specificationId')).toBe('draft');
    expect(params.get('search')).toBe('We have had five different workers in three years. Every');
    expect(feedbackListAddress('w', 'draft', { text: 'Text me.' })).toContain('search=Text+me.');
  });
});
