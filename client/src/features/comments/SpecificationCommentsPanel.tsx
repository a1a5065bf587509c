import { useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { CommentThread } from '@coproduce/domain';
import {
  highlightedRanges,
  setHighlights,
  type HighlightedThread,
  type TextRange,
} from './comment-highlights';
import { CommentsPanel } from './CommentsPanel';
import { inDocumentOrder } from './thread-order';
import './comments.css';
import type { SpecificationComments } from './useSpecificationComments';

// Placing every thread reads each anchor; while someone types, once after a pause is plenty.
const RELIST_AFTER_MS = 300;

/**
 * The threads panel bound to the editor: it hands the editor the threads to highlight
 * and the one selected, lists the threads in the order their text now has (saying so
 * when the text has been deleted, by anyone, since the list came), and takes Escape
 * back to a thread's text.
 */
export function SpecificationCommentsPanel({
  editor,
  comments,
  onHide,
}: {
  editor: Editor;
  comments: SpecificationComments;
  /** Absent where the panel is always shown (an engagement copy). */
  onHide?: () => void;
}) {
  const { threads, selectedId, userId } = comments;
  const [ordered, setOrdered] = useState<readonly CommentThread[] | undefined>();
  // Threads whose text this editor has shown: once it is gone from the editor, it was removed.
  const placedHere = useRef(new Set<string>());

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
    const list = () => {
      if (editor.isDestroyed || !threads.data) return;
      setOrdered(placedInText(threads.data, highlightedRanges(editor.state), placedHere.current));
    };
    list();
    // Anyone's edit can move a thread's text, delete it or bring it back: list again.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(list, RELIST_AFTER_MS);
    };
    editor.on('update', later);
    return () => {
      clearTimeout(timer);
      editor.off('update', later);
    };
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

/**
 * The threads in the order their text has in the editor, each saying whether its text is
 * there. The editor's word counts once it has shown a thread's text (`placedHere`, which
 * this adds to); before that, e.g. while the text loads, the server's stands.
 */
function placedInText(
  threads: readonly CommentThread[],
  ranges: ReadonlyMap<string, TextRange>,
  placedHere: Set<string>,
): CommentThread[] {
  const marked = threads.map((thread) => {
    const inText = ranges.has(thread.id);
    if (inText) placedHere.add(thread.id);
    else if (!placedHere.has(thread.id)) return thread;
    return thread.textRemoved === !inText ? thread : { ...thread, textRemoved: !inText };
  });
  return inDocumentOrder(marked, (thread) => ranges.get(thread.id)?.from ?? null);
}
