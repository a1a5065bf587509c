import type { Editor } from '@tiptap/react';
import { SelectionToolbar } from '../specification/SelectionToolbar';

/**
 * The "Link feedback" button over the text, for those who manage feedback (commissioners
 * and engagement leads): it links a feedback item to the words selected.
 */
export function FeedbackToolbar({
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
      name="Feedback"
      action="Link feedback"
      onActivate={onStart}
      selectionNeeded={selectionNeeded}
      selectionHint="Select some words to link feedback to them."
    />
  );
}
