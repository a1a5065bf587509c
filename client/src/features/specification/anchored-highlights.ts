import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor } from '@coproduce/domain';
import type { Y } from '@coproduce/protocol';
import { decodeAnchor, type ProseMirrorMapping } from '@coproduce/specification-document';
import { shortestRangeAt, type TextRange } from './text-ranges';

export type { TextRange } from './text-ranges';

/** Something anchored in the text: a comment thread, a feedback item's link. */
export interface AnchoredItem {
  /** Unique among the items handed to one set of highlights. */
  id: string;
  anchor: Anchor;
}

/** An item whose text is in the document, and where that text is now. */
export interface PlacedItem<T extends AnchoredItem> {
  item: T;
  range: TextRange;
}

interface HighlightState<T extends AnchoredItem> {
  items: readonly T[];
  selectedId: string | null;
  /** Where each item's text is now; items whose text is gone are absent. */
  ranges: ReadonlyMap<string, TextRange>;
  decorations: DecorationSet;
}

/** What the page tells the highlights: the items to show and the one selected. */
export interface HighlightChange<T extends AnchoredItem> {
  items?: readonly T[];
  selectedId?: string | null;
}

export interface AnchoredHighlightsSpec<T extends AnchoredItem> {
  /** The plugin's name, unique in the editor. */
  name: string;
  /**
   * How the items whose text is in the document look, in the order they were given.
   * `selectedId` is whatever the page last said is selected.
   */
  decorations(
    placed: readonly PlacedItem<T>[],
    selectedId: string | null,
    doc: ProseMirrorNode,
  ): Decoration[];
  /** Whether clicking an item's text picks it; every item's, unless told otherwise. */
  clickable?: (item: T) => boolean;
}

export interface HighlightClick {
  /** The item whose text was clicked (the shortest when several hold the place); null for none. */
  id: string | null;
  event: MouseEvent;
  view: EditorView;
}

/**
 * Items anchored in the specification's text (comment threads, feedback links) drawn in
 * the editor, following everyone's edits. One per kind of item, each with its own plugin
 * key, so each kind is told its items and selection apart from the others.
 */
export interface AnchoredHighlights<T extends AnchoredItem> {
  readonly key: PluginKey<HighlightState<T>>;
  /** Hands the highlights new items or a new selection. */
  set(tr: Transaction, change: HighlightChange<T>): Transaction;
  /** Where each item's text is in the editor now. */
  ranges(state: EditorState): ReadonlyMap<string, TextRange>;
  /** The ProseMirror plugin; `onClick` hears of every click in the text (the caret still moves). */
  plugin(onClick: (click: HighlightClick) => void): Plugin<HighlightState<T>>;
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
  items: readonly AnchoredItem[],
): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding) return ranges;
  const { doc, type, binding } = sync;
  for (const item of items) {
    try {
      const { start, end } = decodeAnchor(item.anchor);
      const from = relativePositionToAbsolutePosition(doc, type, start, binding.mapping);
      const to = relativePositionToAbsolutePosition(doc, type, end, binding.mapping);
      if (from !== null && to !== null && from < to) ranges.set(item.id, { from, to });
    } catch {
      // An anchor that does not decode has no place in the text; a panel still lists it.
    }
  }
  return ranges;
}

export function anchoredHighlights<T extends AnchoredItem>(
  spec: AnchoredHighlightsSpec<T>,
): AnchoredHighlights<T> {
  const key = new PluginKey<HighlightState<T>>(spec.name);
  const clickable = spec.clickable ?? (() => true);

  const decorate = (
    state: EditorState,
    items: readonly T[],
    selectedId: string | null,
    ranges: ReadonlyMap<string, TextRange>,
  ): DecorationSet => {
    const placed: PlacedItem<T>[] = [];
    for (const item of items) {
      const range = ranges.get(item.id);
      if (range) placed.push({ item, range });
    }
    return DecorationSet.create(state.doc, spec.decorations(placed, selectedId, state.doc));
  };

  const apply = (
    tr: Transaction,
    held: HighlightState<T>,
    state: EditorState,
  ): HighlightState<T> => {
    const change = tr.getMeta(key) as HighlightChange<T> | undefined;
    const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    // Someone else's edit, or the first render, replaces the whole document: read the
    // anchors again. Our own typing is mapped (the Y.Doc catches up only after it).
    const fromAnchors = change !== undefined || (tr.docChanged && sync?.isChangeOrigin === true);
    if (fromAnchors) {
      const items = change?.items ?? held.items;
      const selectedId = change?.selectedId !== undefined ? change.selectedId : held.selectedId;
      const ranges = rangesFromAnchors(state, items);
      return {
        items,
        selectedId,
        ranges,
        decorations: decorate(state, items, selectedId, ranges),
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
  };

  const ranges = (state: EditorState) => key.getState(state)?.ranges ?? new Map();

  return {
    key,
    set: (tr, change) => tr.setMeta(key, change),
    ranges,
    plugin: (onClick) =>
      new Plugin<HighlightState<T>>({
        key,
        state: {
          init: (_, state) => ({
            items: [],
            selectedId: null,
            ranges: new Map(),
            decorations: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, held, _oldState, newState) => apply(tr, held, newState),
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          handleClick: (view, position, event) => {
            const held = key.getState(view.state);
            const picked = new Set(
              (held?.items ?? []).filter((item) => clickable(item)).map((item) => item.id),
            );
            const id = held
              ? shortestRangeAt(held.ranges, position, (each) => picked.has(each))
              : null;
            onClick({ id, event, view });
            // The caret still goes where the click was.
            return false;
          },
        },
      }),
  };
}
