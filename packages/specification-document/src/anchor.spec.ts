import { Y } from '@coproduce/protocol';
import { anchorFromTextPositions, decodeAnchor, parseAnchor, type Anchor } from './anchor';
import { SPECIFICATION_FRAGMENT, specificationFragment } from './fragment';
import { MalformedAnchorError } from './malformed-anchor-error';
import { resolveAnchor } from './resolve-anchor';

const SENTENCE = 'Every child on the register has a named key worker.';

/** A document with two paragraphs of text, and a second replica synced with it. */
function twoReplicas(): { alice: Y.Doc; bob: Y.Doc } {
  const alice = new Y.Doc();
  const paragraphs = [SENTENCE, 'Families are listened to.'].map((text) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    return paragraph;
  });
  specificationFragment(alice).insert(0, paragraphs);
  const bob = new Y.Doc();
  Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
  return { alice, bob };
}

function textOf(doc: Y.Doc, paragraph: number): Y.XmlText {
  return (specificationFragment(doc).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Exchanges what each replica has that the other has not, as two people online would. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, forB);
  Y.applyUpdate(a, forA);
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function anchorOn(doc: Y.Doc, words: string): Anchor {
  const text = textOf(doc, 0);
  const index = text.toString().indexOf(words);
  return anchorFromTextPositions({ text, index }, { text, index: index + words.length });
}

describe('an anchor on the text', () => {
  it('quotes what it was put on', () => {
    const { alice } = twoReplicas();
    expect(resolveAnchor(alice, anchorOn(alice, 'named key worker'))).toEqual({
      quote: 'named key worker',
      textRemoved: false,
    });
  });

  it('follows its text when someone else writes before it at the same time', () => {
    const { alice, bob } = twoReplicas();
    const anchor = anchorOn(alice, 'named key worker');
    textOf(bob, 0).insert(0, 'From April, ');
    textOf(alice, 0).insert(SENTENCE.length, ' Soon.');
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(resolveAnchor(doc, anchor)).toEqual({
        quote: 'named key worker',
        textRemoved: false,
      });
    }
  });

  it('does not grow when someone types right at either end of it', () => {
    const { alice, bob } = twoReplicas();
    const anchor = anchorOn(alice, 'named key worker');
    const at = SENTENCE.indexOf('named key worker');
    textOf(bob, 0).insert(at + 'named key worker'.length, ' (or two)');
    textOf(bob, 0).insert(at, 'a ');
    sync(alice, bob);
    expect(resolveAnchor(alice, anchor).quote).toBe('named key worker');
  });

  it('shrinks when part of its text is deleted while others write elsewhere', () => {
    const { alice, bob } = twoReplicas();
    const anchor = anchorOn(alice, 'named key worker');
    textOf(bob, 0).delete(SENTENCE.indexOf('key '), 'key '.length);
    textOf(alice, 1).insert(0, 'All ');
    sync(alice, bob);
    expect(resolveAnchor(alice, anchor)).toEqual({ quote: 'named worker', textRemoved: false });
    expect(resolveAnchor(bob, anchor)).toEqual({ quote: 'named worker', textRemoved: false });
  });

  it('reads as removed once all its text is deleted', () => {
    const { alice, bob } = twoReplicas();
    const anchor = anchorOn(alice, 'named key worker');
    textOf(bob, 0).delete(SENTENCE.indexOf('named'), 'named key worker'.length);
    sync(alice, bob);
    expect(resolveAnchor(alice, anchor)).toEqual({ quote: '', textRemoved: true });
  });

  it('reads as removed once its paragraph is deleted', () => {
    const { alice, bob } = twoReplicas();
    const anchor = anchorOn(alice, 'named key worker');
    specificationFragment(bob).delete(0, 1);
    sync(alice, bob);
    expect(resolveAnchor(alice, anchor)).toEqual({ quote: '', textRemoved: true });
  });

  it('quotes across paragraphs, one line each', () => {
    const { alice } = twoReplicas();
    const anchor = anchorFromTextPositions(
      { text: textOf(alice, 0), index: SENTENCE.indexOf('key worker') },
      { text: textOf(alice, 1), index: 'Families'.length },
    );
    expect(resolveAnchor(alice, anchor).quote).toBe('key worker.\nFamilies');
  });

  it('reads as removed in a document it was never put on', () => {
    const { alice } = twoReplicas();
    const { alice: elsewhere } = twoReplicas();
    expect(resolveAnchor(elsewhere, anchorOn(alice, 'named'))).toEqual({
      quote: '',
      textRemoved: true,
    });
  });

  it('survives being stored as JSON and read back', () => {
    const { alice } = twoReplicas();
    const anchor = parseAnchor(JSON.parse(JSON.stringify(anchorOn(alice, 'register'))));
    expect(resolveAnchor(alice, anchor).quote).toBe('register');
  });
});

describe('a malformed anchor', () => {
  const { alice } = twoReplicas();
  const good = anchorOn(alice, 'named');
  // The end of the fragment itself: a position Yjs names by the root type's name.
  const fragment = specificationFragment(alice);
  const rootPosition = base64(
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, fragment.length)),
  );

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', good.start],
    ['an object without an end', { start: good.start }],
    ['a number for an end', { start: good.start, end: 4 }],
    ['an empty start', { start: '', end: good.end }],
    ['text that is not base64', { start: 'not base64!', end: good.end }],
    ['base64 that is not a position', { start: 'AAAA', end: good.end }],
    ['a position with bytes after it', { start: `${good.start.slice(0, -2)}AAAA`, end: good.end }],
    ['a position by root type name', { start: rootPosition, end: good.end }],
    ['a very long string', { start: 'A'.repeat(4000), end: good.end }],
  ])('is refused with a clear error: %s', (_what, value) => {
    expect(() => parseAnchor(value)).toThrow(MalformedAnchorError);
  });

  it('is refused when resolved, rather than failing inside Yjs', () => {
    expect(() => resolveAnchor(alice, { start: 'AAAA', end: good.end })).toThrow(
      /anchor's start is not/,
    );
    expect(() => decodeAnchor({ start: good.start, end: '%%%%' })).toThrow(MalformedAnchorError);
  });

  it('reads as removed when it points between paragraphs rather than into text', () => {
    const between = base64(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, 1)),
    );
    expect(resolveAnchor(alice, { start: between, end: good.end }).textRemoved).toBe(true);
  });

  it('leaves the document as it was', () => {
    const before = Y.encodeStateAsUpdate(alice);
    expect(() => resolveAnchor(alice, { start: rootPosition, end: rootPosition })).toThrow();
    expect(Y.encodeStateAsUpdate(alice)).toEqual(before);
    expect([...alice.share.keys()]).toEqual([SPECIFICATION_FRAGMENT]);
  });
});
