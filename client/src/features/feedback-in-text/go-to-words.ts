import type { Editor } from '@tiptap/react';
import type { FeedbackHighlights } from './feedback-highlights';
import { firstPlaceOf, type FeedbackPlace } from './feedback-places';

/**
 * Selects the words an item shaped (the first of them, when it shaped several places) and
 * scrolls them into view; with `focus`, the text takes focus too, so the keyboard carries
 * on from there. False when the item's words are not in the text (yet, or any more).
 */
export function goToWords(
  editor: Editor,
  highlights: FeedbackHighlights,
  places: readonly FeedbackPlace[],
  feedbackId: string,
  { focus = false }: { focus?: boolean } = {},
): boolean {
  const range = firstPlaceOf(feedbackId, places, highlights.ranges(editor.state));
  if (!range) return false;
  editor.commands.setTextSelection(range);
  const marked = editor.view.dom.querySelector(
    `.coproduce-feedback-text[data-feedback-id="${CSS.escape(feedbackId)}"]`,
  );
  marked?.scrollIntoView({ block: 'center' });
  if (focus) {
    if (editor.isEditable) {
      editor.view.focus();
    } else {
      // Text that may not be edited is not focusable by itself (and ProseMirror focuses
      // only an editable view); readers come back to it too, and see the words selected.
      const { dom } = editor.view;
      if (!dom.hasAttribute('tabindex')) dom.tabIndex = -1;
      dom.focus();
      const start = editor.view.domAtPos(range.from);
      const end = editor.view.domAtPos(range.to);
      const selection = document.getSelection();
      selection?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    }
  }
  return true;
}
