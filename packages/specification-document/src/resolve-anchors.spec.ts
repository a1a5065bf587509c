import { Y } from '@coproduce/protocol';
import { anchorFromTextPositions, type Anchor } from './anchor';
import { specificationFragment } from './fragment';
import { resolveAnchor } from './resolve-anchor';
import { quoteAnchors, resolveAnchors } from './resolve-anchors';

const PARAGRAPHS = [
  'Every child on the register has a named key worker.',
  'Families are listened to.',
  'Support continues to age 25.',
];

function documentWith(paragraphs: string[]): Y.Doc {
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

function textOf(doc: Y.Doc, paragraph: number): Y.XmlText {
  return (specificationFragment(doc).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
}

function anchorOn(doc: Y.Doc, paragraph: number, words: string): Anchor {
  const text = textOf(doc, paragraph);
  const index = text.toString().indexOf(words);
  if (index < 0) throw new Error(`"${words}" is not in paragraph ${paragraph}`);
  return anchorFromTextPositions({ text, index }, { text, index: index + words.length });
}

describe('resolving many anchors at once', () => {
  it('orders anchors as the text reads, across paragraphs', () => {
    const doc = documentWith(PARAGRAPHS);
    const anchors = [
      anchorOn(doc, 2, 'age 25'),
      anchorOn(doc, 0, 'named key worker'),
      anchorOn(doc, 1, 'Families'),
      anchorOn(doc, 0, 'Every child'),
    ];
    const placed = resolveAnchors(doc, anchors);
    expect(placed.every((each) => !each.textRemoved)).toBe(true);
    const order = placed.map((each, index) => [each.order, index]).sort((a, b) => a[0]! - b[0]!);
    expect(order.map(([, index]) => index)).toEqual([3, 1, 2, 0]);
  });

  it('agrees with resolveAnchor about removed text, after edits', () => {
    const doc = documentWith(PARAGRAPHS);
    const kept = anchorOn(doc, 0, 'named key worker');
    const deleted = anchorOn(doc, 1, 'listened');
    const paragraphGone = anchorOn(doc, 2, 'Support');
    textOf(doc, 1).delete(PARAGRAPHS[1]!.indexOf('listened'), 'listened'.length);
    specificationFragment(doc).delete(2, 1);
    textOf(doc, 0).insert(0, 'From April, ');
    const anchors = [kept, deleted, paragraphGone];
    expect(resolveAnchors(doc, anchors).map((each) => each.textRemoved)).toEqual(
      anchors.map((anchor) => resolveAnchor(doc, anchor).textRemoved),
    );
    expect(resolveAnchors(doc, anchors).map((each) => each.textRemoved)).toEqual([
      false,
      true,
      true,
    ]);
    expect(resolveAnchors(doc, [kept])[0]!.order).toBe(
      'From April, Every child on the '.length + 'register has a '.length,
    );
  });

  it("reads another document's anchor, and one that does not decode, as removed", () => {
    const doc = documentWith(PARAGRAPHS);
    const other = documentWith(PARAGRAPHS);
    const placed = resolveAnchors(doc, [
      anchorOn(other, 0, 'Every'),
      { start: 'not base64!', end: 'AAAA' },
    ]);
    expect(placed).toEqual([
      { textRemoved: true, order: Number.POSITIVE_INFINITY },
      { textRemoved: true, order: Number.POSITIVE_INFINITY },
    ]);
  });

  it('answers nothing for no anchors', () => {
    expect(resolveAnchors(documentWith(PARAGRAPHS), [])).toEqual([]);
  });

  it('quotes many anchors as resolveAnchor quotes each, across paragraphs and after edits', () => {
    const doc = documentWith(PARAGRAPHS);
    const first = textOf(doc, 0);
    const last = textOf(doc, 2);
    const across = anchorFromTextPositions(
      { text: first, index: PARAGRAPHS[0]!.indexOf('named') },
      { text: last, index: 'Support continues'.length },
    );
    const anchors = [
      anchorOn(doc, 1, 'listened'),
      across,
      anchorOn(doc, 0, 'Every child'),
      anchorOn(doc, 2, 'age 25'),
    ];
    textOf(doc, 1).insert(PARAGRAPHS[1]!.indexOf('listened'), 'really ');
    textOf(doc, 2).delete(PARAGRAPHS[2]!.indexOf('age 25'), 'age 25'.length);
    const quoted = quoteAnchors(doc, [...anchors, { start: 'not base64!', end: 'AAAA' }]);
    expect(quoted.slice(0, 4)).toEqual(anchors.map((anchor) => resolveAnchor(doc, anchor)));
    expect(quoted.map((each) => each.quote)).toEqual([
      'listened',
      'named key worker.\nFamilies are really listened to.\nSupport continues',
      'Every child',
      '',
      '',
    ]);
    expect(quoted.map((each) => each.textRemoved)).toEqual([false, false, false, true, true]);
  });
});
