import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { resolveAnchor } from './resolve-anchor';
import { anchorOnWords } from './words-anchor';

function documentWith(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  specificationFragment(doc).insert(
    0,
    paragraphs.map((words) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      return paragraph;
    }),
  );
  return doc;
}

describe('an anchor on given words', () => {
  it('covers the first place they appear', () => {
    const doc = documentWith('Families are listened to.', 'Every family has a key worker.');
    const anchor = anchorOnWords(doc, 'key worker');
    expect(anchor && resolveAnchor(doc, anchor)).toEqual({
      quote: 'key worker',
      textRemoved: false,
    });
  });

  it('is null for words that are not there, and for no words', () => {
    const doc = documentWith('Families are listened to.');
    expect(anchorOnWords(doc, 'key worker')).toBeNull();
    expect(anchorOnWords(doc, '')).toBeNull();
  });
});
