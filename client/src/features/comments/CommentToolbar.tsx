import type { Editor } from '@tiptap/react';
import { ToolbarButton } from '../specification/ToolbarButton';
import { useHasSelection } from '../specification/useHasSelection';

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
  const hasSelection = useHasSelection(editor);

  return (
    <div
      role="toolbar"
      aria-label="Comments"
      className="coproduce-toolbar coproduce-toolbar--comments"
    >
      <ToolbarButton
        label="Comment"
        shortcut="Mod-Alt-m"
        disabled={!hasSelection}
        tabIndex={0}
        onActivate={onStart}
      />
      <span className="nhsuk-body-s coproduce-toolbar__note" role="status">
        {selectionNeeded && !hasSelection ? 'Select some text to comment on it.' : ''}
      </span>
    </div>
  );
}
