import type { Editor } from '@tiptap/react';
import { ToolbarButton } from '../specification/ToolbarButton';
import { useHasSelection } from '../specification/useHasSelection';

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
  const hasSelection = useHasSelection(editor);
  return (
    <div
      role="toolbar"
      aria-label="Feedback"
      className="coproduce-toolbar coproduce-toolbar--comments"
    >
      <ToolbarButton
        label="Link feedback"
        disabled={!hasSelection}
        tabIndex={0}
        onActivate={onStart}
      />
      <span className="nhsuk-body-s coproduce-toolbar__note" role="status">
        {selectionNeeded && !hasSelection ? 'Select some words to link feedback to them.' : ''}
      </span>
    </div>
  );
}
