import { draftCover, versionCover } from './export-cover';

describe('the cover of an exported specification', () => {
  it('says a draft is not published, and when it was taken in UK time', () => {
    // 23:30 UTC in summer is already the next day in London.
    expect(draftCover('Crisis support', new Date('2026-07-01T23:30:00Z'))).toEqual({
      title: 'Crisis support',
      subtitle: 'Draft, not published: the text as it was on 2 July 2026 at 00:30',
    });
  });

  it('names a version by number and name, with the day it was published', () => {
    expect(
      versionCover('Crisis support', {
        number: 2,
        name: 'For market engagement',
        publishedAt: '2026-12-04T09:15:00.000Z',
      }),
    ).toEqual({
      title: 'Crisis support',
      subtitle: 'Version 2: For market engagement, published 4 December 2026',
    });
  });
});
