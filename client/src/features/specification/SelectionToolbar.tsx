import type { Editor } from '@tiptap/react';
import { ToolbarButton } from './ToolbarButton';
import { useHasSelection } from './useHasSelection';

/**
 * A toolbar over the text with one action on the words selected (a comment, a feedback
 * link): the button waits for a selection, and an attempt without one says what to do.
 */
export function SelectionToolbar({
  editor,
  name,
  action,
  shortcut,
  onActivate,
  selectionNeeded,
  selectionHint,
}: {
  editor: Editor;
  /** The toolbar's accessible name. */
  name: string;
  /** The button's label. */
  action: string;
  shortcut?: string;
  onActivate: () => void;
  /** The last attempt had no text selected. */
  selectionNeeded: boolean;
  /** Said after an attempt with nothing selected. */
  selectionHint: string;
}) {
  const hasSelection = useHasSelection(editor);
  return (
    <div role="toolbar" aria-label={name} className="coproduce-toolbar coproduce-toolbar--comments">
      <ToolbarButton
        label={action}
        shortcut={shortcut}
        disabled={!hasSelection}
        tabIndex={0}
        onActivate={onActivate}
      />
      <span className="nhsuk-body-s coproduce-toolbar__note" role="status">
        {selectionNeeded && !hasSelection ? selectionHint : ''}
      </span>
    </div>
  );
}
