import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Y } from '@coproduce/protocol';
import { formattingStateOf, sameFormattingState, type FormattingState } from './formatting-state';

/**
 * The toolbar's view of the selection, kept current. Editor transactions cover the
 * selection and marks; the Y.Doc's transactions cover the undo history, whose redo
 * stack Yjs fills only after the editor has already been told about an undo.
 */
export function useFormattingState(editor: Editor, doc: Y.Doc): FormattingState {
  const [state, setState] = useState(() => formattingStateOf(editor));
  useEffect(() => {
    const update = () => {
      if (editor.isDestroyed) return;
      const next = formattingStateOf(editor);
      setState((previous) => (sameFormattingState(previous, next) ? previous : next));
    };
    editor.on('transaction', update);
    editor.on('focus', update);
    doc.on('afterTransaction', update);
    update();
    return () => {
      editor.off('transaction', update);
      editor.off('focus', update);
      doc.off('afterTransaction', update);
    };
  }, [editor, doc]);
  return state;
}
