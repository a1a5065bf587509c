import type { Node as ProseMirrorNode } from '@tiptap/pm/model' with {
  'resolution-mode': 'import',
};
import type * as ProseMirrorState from '@tiptap/pm/state' with { 'resolution-mode': 'import' };
import type * as YTiptap from '@tiptap/y-tiptap' with { 'resolution-mode': 'import' };
import { specificationSchema } from './extensions';
import { newSectionId } from './section-id';
import { headingsNeedingSectionIds, sectionIdPlugin } from './section-id-extension';

// Typed as the package itself sees them: the tests' CommonJS type-check would otherwise
// read ProseMirror's CommonJS typings, which TypeScript holds to be different types.
const { EditorState } = jest.requireActual<typeof ProseMirrorState>('@tiptap/pm/state');
const { ySyncPluginKey } = jest.requireActual<typeof YTiptap>('@tiptap/y-tiptap');
type EditorState = ProseMirrorState.EditorState;
type Transaction = ProseMirrorState.Transaction;

const schema = specificationSchema();

function heading(text: string, id: string | null = null): ProseMirrorNode {
  return schema.node('heading', { level: 3, id }, text ? [schema.text(text)] : []);
}

function paragraph(text: string): ProseMirrorNode {
  return schema.node('paragraph', null, [schema.text(text)]);
}

function editorWith(...blocks: ProseMirrorNode[]): EditorState {
  return EditorState.create({
    doc: schema.node('doc', null, blocks),
    plugins: [sectionIdPlugin()],
  });
}

function idsOf(state: EditorState): (string | null)[] {
  const ids: (string | null)[] = [];
  state.doc.forEach((node) => {
    if (node.type.name === 'heading') ids.push(node.attrs['id'] as string | null);
  });
  return ids;
}

function change(state: EditorState, edit: (tr: Transaction) => Transaction): EditorState {
  return state.apply(edit(state.tr));
}

describe('section ids', () => {
  it('are new every time, and safe in an HTML id and a URL', () => {
    const ids = Array.from({ length: 1000 }, newSectionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{12}$/.test(id))).toBe(true);
  });

  it('are given to a heading someone makes in the editor', () => {
    const state = editorWith(heading('Scope', 'scope'), paragraph('Text'));
    const after = change(state, (tr) => tr.insert(tr.doc.content.size, heading('Exclusions')));
    const ids = idsOf(after);
    expect(ids[0]).toBe('scope');
    expect(ids[1]).toMatch(/^[\w-]{12}$/);
  });

  it('stay with the first half of a heading split in its middle', () => {
    const state = editorWith(heading('Aims and objectives', 'aims'));
    // Splitting inside a heading copies its attributes, id and all, to the second half.
    const after = change(state, (tr) => tr.split(1 + 'Aims and'.length));
    const ids = idsOf(after);
    expect(ids[0]).toBe('aims');
    expect(ids[1]).not.toBe('aims');
    expect(ids[1]).toMatch(/^[\w-]{12}$/);
  });

  it('stay with the words when a heading is split at its start', () => {
    const state = editorWith(heading('Aims and objectives', 'aims'));
    const after = change(state, (tr) => tr.split(1));
    expect(after.doc.child(0).textContent).toBe('');
    expect(idsOf(after)[1]).toBe('aims');
    expect(idsOf(after)[0]).not.toBe('aims');
  });

  it('are given to a copy of a heading, which leaves the original its own', () => {
    const state = editorWith(heading('Scope', 'scope'), paragraph('Text'));
    const after = change(state, (tr) => tr.insert(tr.doc.content.size, heading('Scope', 'scope')));
    const ids = idsOf(after);
    expect(ids[0]).toBe('scope');
    expect(ids[1]).not.toBe('scope');
  });

  it('are not given to other people’s headings as they arrive', () => {
    const state = editorWith(paragraph('Text'));
    const after = change(state, (tr) =>
      tr.insert(0, heading('Theirs')).setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    expect(idsOf(after)).toEqual([null]);
  });

  it('are wanted by headings without one, and by every repeat but one, quoted ones too', () => {
    const doc = schema.node('doc', null, [
      heading('One', 'a'),
      heading('', 'b'),
      heading('Two', 'b'),
      heading('Three'),
      schema.node('blockquote', null, [schema.node('heading', { level: 4, id: 'a' }, [])]),
    ]);
    const positions: number[] = [];
    doc.descendants((node, position) => {
      if (node.type.name === 'heading') positions.push(position);
    });
    // The empty "b" yields to the one with words; the empty "a" in the quote to the first.
    expect(headingsNeedingSectionIds(doc)).toEqual([positions[1], positions[3], positions[4]]);
  });
});
