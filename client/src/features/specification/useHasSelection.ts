import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';

/** Whether some text is selected in the editor, kept up to date as the selection moves. */
export function useHasSelection(editor: Editor): boolean {
  const [hasSelection, setHasSelection] = useState(() => !editor.state.selection.empty);
  useEffect(() => {
    const update = () => setHasSelection(!editor.state.selection.empty);
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
    };
  }, [editor]);
  return hasSelection;
}
