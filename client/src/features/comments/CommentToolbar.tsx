import type { Editor } from '@tiptap/react';
import { SelectionToolbar } from '../specification/SelectionToolbar';

/**
 * The "Comment" button over the text, for everyone who may comment (also those who may
 * not edit). It works on a selection of text, as the Ctrl+Alt+M shortcut does.
 */
export function CommentToolbar({
  editor,
  onStart,
  selectionNeeded,
}: {
  editor: Editor;
  onStart: () => void;
  /** The last attempt had no text selected. */
  selectionNeeded: boolean;
}) {
  return (
    <SelectionToolbar
      editor={editor}
      name="Comments"
      action="Comment"
      shortcut="Mod-Alt-m"
      onActivate={onStart}
      selectionNeeded={selectionNeeded}
      selectionHint="Select some text to comment on it."
    />
  );
}
