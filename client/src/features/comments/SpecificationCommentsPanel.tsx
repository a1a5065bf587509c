import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { CommentThread } from '@coproduce/domain';
import { highlightedRanges, setHighlights, type HighlightedThread } from './comment-highlights';
import { CommentsPanel } from './CommentsPanel';
import { inDocumentOrder } from './thread-order';
import './comments.css';
import type { SpecificationComments } from './useSpecificationComments';

/**
 * The threads panel bound to the editor: it hands the editor the threads to highlight
 * and the one selected, lists the threads in the order their text now has, and takes
 * Escape back to a thread's text.
 */
export function SpecificationCommentsPanel({
  editor,
  comments,
  onHide,
}: {
  editor: Editor;
  comments: SpecificationComments;
  onHide: () => void;
}) {
  const { threads, selectedId, userId } = comments;
  const [ordered, setOrdered] = useState<readonly CommentThread[] | undefined>();

  const highlighted = useMemo<HighlightedThread[]>(
    () =>
      (threads.data ?? []).map((thread) => ({
        id: thread.id,
        anchor: thread.anchor,
        mine: thread.createdBy.id === userId,
        highlighted: thread.status === 'open',
      })),
    [threads.data, userId],
  );

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(setHighlights(editor.state.tr, { threads: highlighted }));
    // The editor now knows where each thread's text is: list them in that order.
    const ranges = highlightedRanges(editor.state);
    setOrdered(
      threads.data &&
        inDocumentOrder(threads.data, (thread) => ranges.get(thread.id)?.from ?? null),
    );
  }, [editor, highlighted, threads.data]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(setHighlights(editor.state.tr, { selectedId }));
  }, [editor, selectedId]);

  const backToText = (threadId: string | null) => {
    const range = threadId ? highlightedRanges(editor.state).get(threadId) : undefined;
    if (range) editor.chain().setTextSelection(range.from).scrollIntoView().run();
    if (editor.isEditable) {
      editor.view.focus();
      return;
    }
    // Text that may not be edited is not focusable by itself (and ProseMirror focuses only
    // an editable view); readers come back to it too.
    const { dom } = editor.view;
    if (!dom.hasAttribute('tabindex')) dom.tabIndex = -1;
    dom.focus();
  };

  return (
    <CommentsPanel
      threads={ordered}
      loadError={threads.error}
      userId={userId}
      mayComment={comments.mayComment}
      mayResolveAny={comments.mayResolveAny}
      mayResolveOwn={comments.mayResolveOwn}
      people={comments.people}
      actions={comments.actions}
      selectedId={selectedId}
      onSelect={comments.select}
      draft={comments.draft}
      onDraftDone={(thread) => {
        comments.finishDraft();
        if (thread) comments.select(thread.id);
        else editor.commands.focus();
      }}
      onBackToText={backToText}
      onHide={onHide}
    />
  );
}
