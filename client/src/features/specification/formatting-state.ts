import type { Editor } from '@tiptap/react';

/** The paragraph styles the toolbar offers: the template's parts are level 2, sections level 3. */
export const PARAGRAPH_STYLES = [
  { value: 'paragraph', label: 'Normal text' },
  { value: 'heading-2', label: 'Heading 2' },
  { value: 'heading-3', label: 'Heading 3' },
  { value: 'heading-4', label: 'Heading 4' },
] as const;

export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number]['value'];

export const HEADING_LEVELS = { 'heading-2': 2, 'heading-3': 3, 'heading-4': 4 } as const;

/** What the toolbar shows about the selection: which formats are on and what can be undone. */
export interface FormattingState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  /** Null when the selection is in a style the toolbar does not offer, or spans several. */
  paragraphStyle: ParagraphStyle | null;
  canUndo: boolean;
  canRedo: boolean;
}

function paragraphStyleOf(editor: Editor): ParagraphStyle | null {
  const { $from, $to } = editor.state.selection;
  // A selection across blocks of different styles has no single style to show.
  if (!$from.sameParent($to)) {
    const from = $from.parent;
    const to = $to.parent;
    if (from.type !== to.type || from.attrs['level'] !== to.attrs['level']) return null;
  }
  const block = $from.parent;
  if (block.type.name === 'paragraph') return 'paragraph';
  if (block.type.name === 'heading') {
    const style = `heading-${String(block.attrs['level'])}`;
    return PARAGRAPH_STYLES.find((option) => option.value === style)?.value ?? null;
  }
  return null;
}

export function formattingStateOf(editor: Editor): FormattingState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    paragraphStyle: paragraphStyleOf(editor),
    // The Collaboration extension's commands: only this person's own Yjs changes.
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

export function sameFormattingState(a: FormattingState, b: FormattingState): boolean {
  return (Object.keys(a) as (keyof FormattingState)[]).every((key) => a[key] === b[key]);
}
