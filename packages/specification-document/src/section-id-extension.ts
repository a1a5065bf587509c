import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  headingsNeedingIds,
  newSectionId,
  SECTION_ID,
  sectionIdOf,
  type SectionHeading,
} from './section-id';

/** Where the headings of an editor's document that need a new section id start. */
export function headingsNeedingSectionIds(doc: ProseMirrorNode): number[] {
  const headings: SectionHeading<number>[] = [];
  doc.descendants((node, position) => {
    if (node.type.name !== 'heading') return node.isBlock && !node.isTextblock;
    headings.push({
      place: position,
      id: sectionIdOf(node.attrs),
      hasText: node.textContent !== '',
    });
    return false;
  });
  return headingsNeedingIds(headings);
}

/**
 * Every heading carries a stable section id (HTML `id` when rendered). The template
 * writer gives the template's headings theirs; in the editor, a heading someone makes,
 * splits or pastes gets a fresh one as the change is made.
 */
export const SectionIds = Extension.create({
  name: 'sectionIds',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          [SECTION_ID]: {
            default: null,
            keepOnSplit: false,
            // A heading pasted in is a new section, even when copied from this one.
            parseHTML: () => null,
            renderHTML: (attributes) => {
              const id = sectionIdOf(attributes);
              return id === null ? {} : { id };
            },
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [sectionIdPlugin()];
  },
});

/**
 * Names the headings of a change made in this editor that need a section id. Other
 * people's changes arrive through y-sync, already named by their own editors; naming
 * them here too would have two people racing to rename one section.
 */
export function sectionIdPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('sectionIds'),
    appendTransaction(transactions, _before, state) {
      const changedHere = transactions.some(
        (transaction) => transaction.docChanged && !transaction.getMeta(ySyncPluginKey),
      );
      if (!changedHere) return null;
      const positions = headingsNeedingSectionIds(state.doc);
      if (positions.length === 0) return null;
      const transaction = state.tr;
      for (const position of positions) {
        transaction.setNodeAttribute(position, SECTION_ID, newSectionId());
      }
      return transaction;
    },
  });
}
