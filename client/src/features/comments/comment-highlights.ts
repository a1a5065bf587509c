import { Extension } from '@tiptap/react';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Decoration } from '@tiptap/pm/view';
import type { Anchor } from '@coproduce/domain';
import { anchoredHighlights, type TextRange } from '../specification/anchored-highlights';

export type { TextRange } from '../specification/anchored-highlights';

/** A thread as the text shows it. */
export interface HighlightedThread {
  id: string;
  anchor: Anchor;
  /** Started by the person looking. */
  mine: boolean;
  /** Open threads are highlighted; resolved ones only have their place known (for ordering). */
  highlighted: boolean;
}

const highlights = anchoredHighlights<HighlightedThread>({
  name: 'commentHighlights',
  clickable: (thread) => thread.highlighted,
  decorations: (placed, selectedId) =>
    placed
      .filter(({ item }) => item.highlighted)
      .map(({ item: thread, range }) => {
        const kind = thread.id === selectedId ? 'selected' : thread.mine ? 'mine' : 'others';
        return Decoration.inline(
          range.from,
          range.to,
          {
            class: `coproduce-comment coproduce-comment--${kind}`,
            'data-thread-id': thread.id,
          },
          { threadId: thread.id },
        );
      }),
});

/** What the page tells the highlights: the threads to show and the one selected. */
export interface HighlightChange {
  threads?: readonly HighlightedThread[];
  selectedId?: string | null;
}

export const commentHighlightsKey = highlights.key;

/** Hands the highlights new threads or a new selection. */
export function setHighlights(tr: Transaction, change: HighlightChange): Transaction {
  return highlights.set(tr, { items: change.threads, selectedId: change.selectedId });
}

/** Where each thread's text is in the editor now. */
export function highlightedRanges(state: EditorState): ReadonlyMap<string, TextRange> {
  return highlights.ranges(state);
}

export interface CommentHighlightsOptions {
  /** A highlight was clicked. */
  onSelectThread: (threadId: string) => void;
  /** Ctrl+Alt+M (Command+Option+M on a Mac), as in Google Docs. */
  onStartThread: () => void;
}

/**
 * Comment threads' text highlighted in the editor, following everyone's edits, with the
 * shortcut that starts a thread on the selection.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onSelectThread: () => undefined, onStartThread: () => undefined };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.onStartThread();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const { onSelectThread } = this.options;
    return [
      highlights.plugin(({ id }) => {
        if (id) onSelectThread(id);
      }),
    ];
  },
});
