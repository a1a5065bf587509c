import { Extension } from '@tiptap/react';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import { decodeAnchor, type ProseMirrorMapping } from '@coproduce/specification-document';

/** A thread as the text shows it. */
export interface HighlightedThread {
  id: string;
  anchor: Anchor;
  /** Started by the person looking. */
  mine: boolean;
  /** Open threads are highlighted; resolved ones only have their place known (for ordering). */
  highlighted: boolean;
}

export interface TextRange {
  from: number;
  to: number;
}

interface HighlightState {
  threads: readonly HighlightedThread[];
  selectedId: string | null;
  /** Where each thread's text is now; threads whose text is gone are absent. */
  ranges: ReadonlyMap<string, TextRange>;
  decorations: DecorationSet;
}

/** What the page tells the highlights: the threads to show and the one selected. */
export interface HighlightChange {
  threads?: readonly HighlightedThread[];
  selectedId?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Hands the highlights new threads or a new selection. */
export function setHighlights(tr: Transaction, change: HighlightChange): Transaction {
  return tr.setMeta(commentHighlightsKey, change);
}

/** Where each thread's text is in the editor now. */
export function highlightedRanges(state: EditorState): ReadonlyMap<string, TextRange> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: ProseMirrorMapping } | null;
}

/**
 * Where anchors are in the editor, through y-prosemirror's map from Y types to the
 * nodes showing them. Anchors that do not decode, or whose text is gone, are left out.
 */
function rangesFromAnchors(
  state: EditorState,
  threads: readonly HighlightedThread[],
): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding) return ranges;
  const { doc, type, binding } = sync;
  for (const thread of threads) {
    try {
      const { start, end } = decodeAnchor(thread.anchor);
      const from = relativePositionToAbsolutePosition(doc, type, start, binding.mapping);
      const to = relativePositionToAbsolutePosition(doc, type, end, binding.mapping);
      if (from !== null && to !== null && from < to) ranges.set(thread.id, { from, to });
    } catch {
      // An anchor that does not decode has no place in the text; the panel still lists it.
    }
  }
  return ranges;
}

function decorate(
  state: EditorState,
  threads: readonly HighlightedThread[],
  selectedId: string | null,
  ranges: ReadonlyMap<string, TextRange>,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = ranges.get(thread.id);
    if (!range || !thread.highlighted) continue;
    const kind = thread.id === selectedId ? 'selected' : thread.mine ? 'mine' : 'others';
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `coproduce-comment coproduce-comment--${kind}`,
          'data-thread-id': thread.id,
        },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function applyTransaction(
  tr: Transaction,
  held: HighlightState,
  state: EditorState,
): HighlightState {
  const change = tr.getMeta(commentHighlightsKey) as HighlightChange | undefined;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  // Someone else's edit, or the first render, replaces the whole document: read the
  // anchors again. Our own typing is mapped (the Y.Doc catches up only after it).
  const fromAnchors = change !== undefined || (tr.docChanged && sync?.isChangeOrigin === true);
  if (fromAnchors) {
    const threads = change?.threads ?? held.threads;
    const selectedId = change?.selectedId !== undefined ? change.selectedId : held.selectedId;
    const ranges = rangesFromAnchors(state, threads);
    return {
      threads,
      selectedId,
      ranges,
      decorations: decorate(state, threads, selectedId, ranges),
    };
  }
  if (!tr.docChanged) return held;
  const ranges = new Map<string, TextRange>();
  for (const [id, range] of held.ranges) {
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    if (from < to) ranges.set(id, { from, to });
  }
  return { ...held, ranges, decorations: held.decorations.map(tr.mapping, tr.doc) };
}

/** The thread whose highlighted text holds `position`; the shortest when several do. */
function threadAt(state: HighlightState, position: number): string | null {
  const { ranges } = state;
  const highlighted = new Set(
    state.threads.filter((each) => each.highlighted).map((each) => each.id),
  );
  let found: { id: string; length: number } | null = null;
  for (const [id, { from, to }] of ranges) {
    if (!highlighted.has(id) || position < from || position > to) continue;
    if (!found || to - from < found.length) found = { id, length: to - from };
  }
  return found?.id ?? null;
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
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({
            threads: [],
            selectedId: null,
            ranges: new Map(),
            decorations: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, held, _oldState, newState) => applyTransaction(tr, held, newState),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, position) => {
            const held = commentHighlightsKey.getState(view.state);
            const id = held ? threadAt(held, position) : null;
            if (id) onSelectThread(id);
            // The caret still goes where the click was.
            return false;
          },
        },
      }),
    ];
  },
});
