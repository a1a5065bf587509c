import { Y } from '@coproduce/protocol';
import type { EditorState } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { anchorFromTextPositions, type Anchor, type TextPosition } from './anchor';

/** y-prosemirror's map from each Y type to the ProseMirror node (or text nodes) it shows. */
export type ProseMirrorMapping = Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>;

/**
 * The anchor of the text selected in an editor bound to the specification by Tiptap's
 * Collaboration extension; null when nothing is selected or the selection does not
 * begin and end in text (a whole node, or the gap between two blocks).
 */
export function anchorFromSelection(state: EditorState): Anchor | null {
  const sync = ySyncPluginKey.getState(state) as
    { type: Y.XmlFragment; binding: { mapping: ProseMirrorMapping } | null } | undefined;
  if (!sync?.binding) return null;
  const { from, to } = state.selection;
  return anchorFromProseMirrorRange(sync.type, sync.binding.mapping, from, to);
}

/**
 * The anchor of the text between two ProseMirror positions of `fragment`'s document.
 * `mapping` is y-prosemirror's from Y types to ProseMirror nodes (the binding's, or
 * `initProseMirrorDoc`'s).
 */
export function anchorFromProseMirrorRange(
  fragment: Y.XmlFragment,
  mapping: ProseMirrorMapping,
  from: number,
  to: number,
): Anchor | null {
  if (from >= to) return null;
  const start = textPosition(fragment, mapping, from);
  const end = textPosition(fragment, mapping, to);
  return start && end ? anchorFromTextPositions(start, end) : null;
}

function textPosition(
  fragment: Y.XmlFragment,
  mapping: ProseMirrorMapping,
  position: number,
): TextPosition | null {
  const relative = absolutePositionToRelativePosition(position, fragment, mapping) as
    Y.RelativePosition | undefined;
  const doc = fragment.doc;
  const absolute =
    relative && doc ? Y.createAbsolutePositionFromRelativePosition(relative, doc) : null;
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  return { text: absolute.type, index: absolute.index };
}
