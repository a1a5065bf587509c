import { Y } from '@coproduce/protocol';
import { anchorFromTextPositions, specificationFragment } from '@coproduce/specification-document';
import { countBySection, openThreadsPerSection } from './section-counts';

describe('counting threads per section', () => {
  it('counts a thread in the last section whose heading comes at or before its start', () => {
    expect(countBySection([0, 50, 120], [3, 49, 50, 200, 121])).toEqual([2, 1, 2]);
  });

  it('leaves out threads before the first heading, and has nothing to count without headings', () => {
    expect(countBySection([10], [2, 12])).toEqual([1]);
    expect(countBySection([], [2])).toEqual([]);
  });
});

describe('counting open threads per section of a specification', () => {
  function specification(): Y.Doc {
    const doc = new Y.Doc();
    const block = (name: string, text: string) => {
      const element = new Y.XmlElement(name);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    };
    specificationFragment(doc).insert(0, [
      block('paragraph', 'Before any section.'),
      block('heading', 'Aims'),
      block('paragraph', 'Every child has a named key worker.'),
      block('heading', 'Scope'),
      block('paragraph', 'Children on the dynamic support register.'),
    ]);
    return doc;
  }

  function anchorOn(doc: Y.Doc, blockIndex: number, from: number, to: number) {
    const text = (specificationFragment(doc).get(blockIndex) as Y.XmlElement).get(0) as Y.XmlText;
    return anchorFromTextPositions({ text, index: from }, { text, index: to });
  }

  it('counts open threads by the section their text starts in, and follows edits', () => {
    const doc = specification();
    const threads = [
      { status: 'open' as const, anchor: anchorOn(doc, 2, 0, 5) },
      { status: 'open' as const, anchor: anchorOn(doc, 4, 13, 28) },
      { status: 'open' as const, anchor: anchorOn(doc, 4, 0, 8) },
      { status: 'resolved' as const, anchor: anchorOn(doc, 2, 6, 11) },
      { status: 'open' as const, anchor: anchorOn(doc, 0, 0, 6) },
    ];
    expect(openThreadsPerSection(doc, threads)).toEqual([1, 2]);

    // A new section written above "Scope" leaves Scope's threads where they are.
    const fragment = specificationFragment(doc);
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Outcomes')]);
    fragment.insert(3, [heading]);
    expect(openThreadsPerSection(doc, threads)).toEqual([1, 0, 2]);

    // Deleting the text a thread was on takes it out of the count.
    fragment.delete(5, 1);
    expect(openThreadsPerSection(doc, threads)).toEqual([1, 0, 0]);
  });

  it('counts nothing for an anchor that does not decode', () => {
    const doc = specification();
    expect(
      openThreadsPerSection(doc, [{ status: 'open', anchor: { start: '!!', end: '!!' } }]),
    ).toEqual([0, 0]);
  });
});
