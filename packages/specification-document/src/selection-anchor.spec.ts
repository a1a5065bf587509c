import { Y } from '@coproduce/protocol';
import type * as YTiptap from '@tiptap/y-tiptap' with { 'resolution-mode': 'import' };
import { specificationSchema } from './extensions';
import { specificationFragment } from './fragment';
import { resolveAnchor } from './resolve-anchor';
import { anchorFromProseMirrorRange } from './selection-anchor';
import { writeSpecificationTemplate } from './template';

// y-prosemirror ships only ES module typings, which a CommonJS type-check cannot import.
const { initProseMirrorDoc } = jest.requireActual<typeof YTiptap>('@tiptap/y-tiptap');

/** The demo's start, as an editor bound to it sees it. */
function boundEditor() {
  const doc = new Y.Doc();
  writeSpecificationTemplate(doc, {
    '1.1': ['Every child has a key worker.', 'Families are heard.'],
  });
  const fragment = specificationFragment(doc);
  const { doc: editorDoc, mapping } = initProseMirrorDoc(fragment, specificationSchema());
  const positionOf = (words: string) => {
    let found = -1;
    editorDoc.descendants((node, position) => {
      const at = node.isText ? (node.text ?? '').indexOf(words) : -1;
      if (found < 0 && at >= 0) found = position + at;
    });
    return found;
  };
  return { doc, fragment, mapping, positionOf };
}

describe('an anchor from a selection in the editor', () => {
  it('quotes the selected words', () => {
    const { doc, fragment, mapping, positionOf } = boundEditor();
    const from = positionOf('key worker');
    const anchor = anchorFromProseMirrorRange(fragment, mapping, from, from + 'key worker'.length);
    expect(anchor && resolveAnchor(doc, anchor)).toEqual({
      quote: 'key worker',
      textRemoved: false,
    });
  });

  it('quotes a selection across a heading and the paragraph below it', () => {
    const { doc, fragment, mapping, positionOf } = boundEditor();
    const from = positionOf('local context');
    const to = positionOf('Every child') + 'Every child'.length;
    const anchor = anchorFromProseMirrorRange(fragment, mapping, from, to);
    expect(anchor && resolveAnchor(doc, anchor).quote).toBe('local context\nEvery child');
  });

  it('is null for an empty selection, or one that begins between blocks', () => {
    const { fragment, mapping, positionOf } = boundEditor();
    const at = positionOf('key worker');
    expect(anchorFromProseMirrorRange(fragment, mapping, at, at)).toBeNull();
    expect(anchorFromProseMirrorRange(fragment, mapping, 0, at)).toBeNull();
  });
});
