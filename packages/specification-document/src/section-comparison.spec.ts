import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { keyedTextSection, sectionBlocksOf } from './section-blocks';
import { compareSections } from './section-comparison';
import { sectionsOf } from './sections';

function specification(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '2');
  heading.setAttribute('id', 'access');
  heading.insert(0, [new Y.XmlText('Access to the service')]);
  specificationFragment(doc).push([heading]);
  for (const words of paragraphs) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    specificationFragment(doc).push([paragraph]);
  }
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  return (specificationFragment(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

const compare = (from: Y.Doc, to: Y.Doc) =>
  compareSections(sectionsOf(from), sectionsOf(to)).sections[0]!;

describe('comparing sections whose words are the same', () => {
  const words = ['Referrals are accepted from professionals.', 'The service is open on weekdays.'];

  it('shows a change of formatting alone, with the section’s words and none added', () => {
    const from = specification(words);
    const to = copyOf(from);
    paragraphText(to, 1).format(0, 9, { bold: {} });

    expect(compare(from, to)).toEqual({
      id: 'access',
      heading: 'Access to the service',
      change: 'changed',
      runs: [{ kind: 'unchanged', text: words.join('\n') }],
      wordsAdded: 0,
      wordsRemoved: 0,
      formattingChanged: true,
    });
  });

  it('shows paragraphs made into a list, and a heading’s new level', () => {
    const from = specification(words);
    const listed = copyOf(from);
    const list = new Y.XmlElement('bulletList');
    const items = words.map((text) => {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      item.insert(0, [paragraph]);
      return item;
    });
    list.insert(0, items);
    specificationFragment(listed).delete(1, 2);
    specificationFragment(listed).insert(1, [list]);
    const relevelled = copyOf(from);
    (specificationFragment(relevelled).get(0) as Y.XmlElement).setAttribute('level', '3');

    expect(compare(from, listed)).toMatchObject({ change: 'changed', formattingChanged: true });
    expect(compare(from, relevelled)).toMatchObject({ change: 'changed', formattingChanged: true });
  });

  it('takes a blank paragraph added or the same formatting written again for no change', () => {
    const from = specification(words);
    const to = copyOf(from);
    const blank = new Y.XmlElement('paragraph');
    blank.insert(0, [new Y.XmlText('')]);
    specificationFragment(to).push([blank]);

    const section = compare(from, to);
    expect(section.change).toBe('unchanged');
    expect(section.formattingChanged).toBeUndefined();
    expect(
      compareSections(
        sectionBlocksOf(from).map(keyedTextSection),
        sectionBlocksOf(to).map(keyedTextSection),
      ).sections[0]!.change,
    ).toBe('unchanged');
  });

  it('a renamed section is a change of words, not of formatting', () => {
    const from = specification(words);
    const to = copyOf(from);
    const heading = (specificationFragment(to).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    heading.insert(heading.length, ' and referrals');

    const section = compare(from, to);
    expect(section).toMatchObject({ change: 'changed', previousHeading: 'Access to the service' });
    expect(section.formattingChanged).toBeUndefined();
  });
});
